package dev.emporium.orders;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * A customer tried to cancel an order whose parcel has already left the warehouse.
 */
class OrderAlreadyShippedException extends ProblemException {

	OrderAlreadyShippedException(UUID orderId) {
		super(HttpStatus.CONFLICT, "order-already-shipped", "Order already shipped",
				"Order %s has already left the warehouse and can no longer be cancelled".formatted(orderId));
	}

}
