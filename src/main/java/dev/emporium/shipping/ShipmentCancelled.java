package dev.emporium.shipping;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * Shipping accepted a cancellation: the order's shipment is cancelled and will never be
 * dispatched, so what was held for it may be given back.
 */
@Externalized("emporium.shipping::#{#this.orderId()}")
public record ShipmentCancelled(UUID eventId, UUID shipmentId, UUID orderId) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public ShipmentCancelled(UUID shipmentId, UUID orderId) {
		this(UUID.randomUUID(), shipmentId, orderId);
	}

}
