package dev.emporium.inventory;

import java.util.List;
import java.util.UUID;

/**
 * Somebody asked inventory to reserve all of these lines for one order, or none of them.
 * Inventory answers with {@link StockReserved} or {@link StockShortage}. Owned by
 * inventory because inventory is the one that acts on it.
 */
public record StockReservationRequested(UUID orderId, List<Line> lines) {

	public StockReservationRequested {
		lines = List.copyOf(lines);
	}

	/**
	 * One SKU and how many of it to reserve.
	 */
	public record Line(String sku, int quantity) {
	}

}
