package dev.emporium.shipping;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * A shipment left the warehouse with a carrier's tracking number.
 */
@Externalized("emporium.shipping::#{#this.orderId()}")
public record ShipmentDispatched(UUID eventId, UUID shipmentId, UUID orderId,
		String trackingNumber) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public ShipmentDispatched(UUID shipmentId, UUID orderId, String trackingNumber) {
		this(UUID.randomUUID(), shipmentId, orderId, trackingNumber);
	}

}
