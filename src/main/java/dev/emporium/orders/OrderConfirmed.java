package dev.emporium.orders;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;
import dev.emporium.shared.Money;

/**
 * An order's stock was reserved and its payment completed: the shop will ship it.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record OrderConfirmed(UUID eventId, UUID orderId, UUID customerId, Money total) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public OrderConfirmed(UUID orderId, UUID customerId, Money total) {
		this(UUID.randomUUID(), orderId, customerId, total);
	}

}
