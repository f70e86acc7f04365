package dev.emporium.payments;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;
import dev.emporium.shared.Money;

/**
 * The gateway charged the amount for an order.
 */
@Externalized("emporium.payments::#{#this.orderId()}")
public record PaymentCompleted(UUID eventId, UUID orderId, UUID paymentId, Money amount) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public PaymentCompleted(UUID orderId, UUID paymentId, Money amount) {
		this(UUID.randomUUID(), orderId, paymentId, amount);
	}

}
