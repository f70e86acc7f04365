package dev.emporium.shipping;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * Somebody asked shipping not to ship an order. Shipping answers
 * {@link ShipmentCancelled} when the shipment had not left (it is cancelled, and none is
 * created later), or {@link ShipmentCancellationRefused} when it had.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record ShipmentCancellationRequested(UUID eventId, UUID orderId) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public ShipmentCancellationRequested(UUID orderId) {
		this(UUID.randomUUID(), orderId);
	}

}
