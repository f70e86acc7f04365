package dev.emporium.orders;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * No order with that id exists, or the caller may not see it.
 */
class OrderNotFoundException extends ProblemException {

	OrderNotFoundException(UUID orderId) {
		super(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", "There is no order %s".formatted(orderId));
	}

}
