package dev.emporium.orders;

import java.util.UUID;

/**
 * No order with that id exists, or the caller may not see it.
 */
class OrderNotFoundException extends RuntimeException {

	OrderNotFoundException(UUID orderId) {
		super("There is no order %s".formatted(orderId));
	}

}
