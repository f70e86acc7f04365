package dev.emporium.inventory;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * Somebody asked inventory to give back whatever it reserved for an order, and to reserve
 * nothing for it later.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record StockReleaseRequested(UUID eventId, UUID orderId) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public StockReleaseRequested(UUID orderId) {
		this(UUID.randomUUID(), orderId);
	}

}
