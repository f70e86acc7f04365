package dev.emporium.orders;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * An order was cancelled before dispatch; {@code reason} is OUT_OF_STOCK,
 * PAYMENT_DECLINED or CUSTOMER_REQUEST.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record OrderCancelled(UUID eventId, UUID orderId, UUID customerId, String reason) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public OrderCancelled(UUID orderId, UUID customerId, String reason) {
		this(UUID.randomUUID(), orderId, customerId, reason);
	}

}
