package dev.emporium.inventory;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * Somebody asked inventory to reserve all of these lines for one order, or none of them.
 * Inventory answers with {@link StockReserved} or {@link StockShortage}. Owned by
 * inventory because inventory is the one that acts on it.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record StockReservationRequested(UUID eventId, UUID orderId, List<Line> lines) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public StockReservationRequested(UUID orderId, List<Line> lines) {
		this(UUID.randomUUID(), orderId, lines);
	}

	public StockReservationRequested {
		lines = List.copyOf(lines);
	}

	/**
	 * One SKU and how many of it to reserve.
	 */
	public record Line(String sku, int quantity) {
	}

}
