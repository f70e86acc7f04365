package dev.emporium.catalog;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;
import dev.emporium.shared.Money;

/**
 * Staff changed a product's price; orders placed from now on pay {@code price}.
 */
@Externalized("emporium.catalog::#{#this.sku()}")
public record ProductPriceChanged(UUID eventId, String sku, Money previousPrice,
		Money price) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public ProductPriceChanged(String sku, Money previousPrice, Money price) {
		this(UUID.randomUUID(), sku, previousPrice, price);
	}

}
