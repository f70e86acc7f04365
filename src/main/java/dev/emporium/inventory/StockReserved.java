package dev.emporium.inventory;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * Every line of an order's reservation request was reserved.
 */
@Externalized("emporium.inventory::#{#this.orderId()}")
public record StockReserved(UUID eventId, UUID orderId) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public StockReserved(UUID orderId) {
		this(UUID.randomUUID(), orderId);
	}

}
