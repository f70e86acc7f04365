package dev.emporium.orders;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;
import dev.emporium.shared.Money;

/**
 * A customer placed an order, priced from the catalog at that moment.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record OrderPlaced(UUID eventId, UUID orderId, UUID customerId, List<Line> lines,
		Money total) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public OrderPlaced(UUID orderId, UUID customerId, List<Line> lines, Money total) {
		this(UUID.randomUUID(), orderId, customerId, lines, total);
	}

	public OrderPlaced {
		lines = List.copyOf(lines);
	}

	/**
	 * One ordered SKU, its quantity and unit price.
	 */
	public record Line(String sku, int quantity, Money unitPrice) {
	}

}
