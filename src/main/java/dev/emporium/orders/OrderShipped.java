package dev.emporium.orders;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * An order left the warehouse.
 * <p>
 * {@code eventId} identifies this event: redeliveries carry the same one, so listeners
 * apply it once (see {@link IdentifiedEvent}).
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
