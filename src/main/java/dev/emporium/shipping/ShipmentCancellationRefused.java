package dev.emporium.shipping;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * Shipping refused a cancellation because the order's shipment had already left the
 * warehouse; {@code status} is DISPATCHED or DELIVERED.
 */
@Externalized("emporium.shipping::#{#this.orderId()}")
public record ShipmentCancellationRefused(UUID eventId, UUID shipmentId, UUID orderId, String status,
		String trackingNumber) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public ShipmentCancellationRefused(UUID shipmentId, UUID orderId, String status, String trackingNumber) {
		this(UUID.randomUUID(), shipmentId, orderId, status, trackingNumber);
	}

}
