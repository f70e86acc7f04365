package dev.emporium.inventory;

import java.util.List;
import java.util.UUID;

/**
 * An order's reservation request could not be met; nothing was reserved. Lists the SKUs
 * that were short.
 */
public record StockShortage(UUID orderId, List<String> unavailableSkus) {

	public StockShortage {
		unavailableSkus = List.copyOf(unavailableSkus);
	}

}
