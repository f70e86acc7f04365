package dev.emporium.orders;

import java.util.UUID;

/**
 * A customer tried to cancel an order that is already cancelled or has left the
 * warehouse.
 */
class OrderNotCancellableException extends IllegalStateException {

	OrderNotCancellableException(UUID orderId, OrderStatus status) {
		super("Order %s is %s and can no longer be cancelled".formatted(orderId, status));
	}

}
