package dev.emporium.orders;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * A customer tried to cancel an order that is already cancelled or has left the
 * warehouse.
 */
class OrderNotCancellableException extends ProblemException {

	OrderNotCancellableException(UUID orderId, OrderStatus status) {
		super(HttpStatus.CONFLICT, "order-not-cancellable", "Order not cancellable",
				"Order %s is %s and can no longer be cancelled".formatted(orderId, status));
	}

}
