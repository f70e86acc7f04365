package dev.emporium.orders;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * An order reached the customer.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record OrderDelivered(UUID eventId, UUID orderId, UUID customerId) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public OrderDelivered(UUID orderId, UUID customerId) {
		this(UUID.randomUUID(), orderId, customerId);
	}

}
