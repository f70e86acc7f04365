package dev.emporium.inventory;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * An order's reservation request could not be met; nothing was reserved. Lists the SKUs
 * that were short.
 */
@Externalized("emporium.inventory::#{#this.orderId()}")
public record StockShortage(UUID eventId, UUID orderId, List<String> unavailableSkus) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public StockShortage(UUID orderId, List<String> unavailableSkus) {
		this(UUID.randomUUID(), orderId, unavailableSkus);
	}

	public StockShortage {
		unavailableSkus = List.copyOf(unavailableSkus);
	}

}
