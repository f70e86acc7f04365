package dev.emporium.shipping;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;
import dev.emporium.shared.Address;

/**
 * Somebody asked shipping to ship a paid order to an address. Shipping creates at most
 * one shipment per order.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record ShipmentRequested(UUID eventId, UUID orderId, UUID customerId,
		Address address) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public ShipmentRequested(UUID orderId, UUID customerId, Address address) {
		this(UUID.randomUUID(), orderId, customerId, address);
	}

}
