package dev.emporium.orders;

import java.util.List;
import java.util.UUID;

import dev.emporium.shared.Money;

/**
 * A customer placed an order, priced from the catalog at that moment.
 */
public record OrderPlaced(UUID orderId, UUID customerId, List<Line> lines, Money total) {

	public OrderPlaced {
		lines = List.copyOf(lines);
	}

	/**
	 * One ordered SKU, its quantity and unit price.
	 */
	public record Line(String sku, int quantity, Money unitPrice) {
	}

}
