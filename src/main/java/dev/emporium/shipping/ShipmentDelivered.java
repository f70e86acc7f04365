package dev.emporium.shipping;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * A shipment reached its recipient. Carries the tracking number because a delivery
 * implies the dispatch, whose event a listener may not have seen yet.
 */
@Externalized("emporium.shipping::#{#this.orderId()}")
public record ShipmentDelivered(UUID eventId, UUID shipmentId, UUID orderId,
		String trackingNumber) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public ShipmentDelivered(UUID shipmentId, UUID orderId, String trackingNumber) {
		this(UUID.randomUUID(), shipmentId, orderId, trackingNumber);
	}

}
