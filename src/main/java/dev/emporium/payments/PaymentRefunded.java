package dev.emporium.payments;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;
import dev.emporium.shared.Money;

/**
 * A completed payment was refunded in full.
 */
@Externalized("emporium.payments::#{#this.orderId()}")
public record PaymentRefunded(UUID eventId, UUID orderId, UUID paymentId, Money amount) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public PaymentRefunded(UUID orderId, UUID paymentId, Money amount) {
		this(UUID.randomUUID(), orderId, paymentId, amount);
	}

}
