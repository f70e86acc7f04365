package dev.emporium.orders;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * A customer's request to cancel a paid order was refused because its parcel had already
 * left the warehouse; the order stands.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record OrderCancellationRefused(UUID eventId, UUID orderId, UUID customerId,
		String trackingNumber) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public OrderCancellationRefused(UUID orderId, UUID customerId, String trackingNumber) {
		this(UUID.randomUUID(), orderId, customerId, trackingNumber);
	}

}
