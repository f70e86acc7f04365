package dev.emporium.orders;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * An order left the warehouse.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record OrderShipped(UUID eventId, UUID orderId, UUID customerId,
		String trackingNumber) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public OrderShipped(UUID orderId, UUID customerId, String trackingNumber) {
		this(UUID.randomUUID(), orderId, customerId, trackingNumber);
	}

}
