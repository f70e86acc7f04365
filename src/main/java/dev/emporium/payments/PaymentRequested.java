package dev.emporium.payments;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;
import dev.emporium.shared.Money;

/**
 * Somebody asked payments to charge an amount for an order with a card token. Payments
 * answers with {@link PaymentCompleted} or {@link PaymentDeclined}, and charges an order
 * at most once.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record PaymentRequested(UUID eventId, UUID orderId, UUID customerId, Money amount,
		String paymentToken) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public PaymentRequested(UUID orderId, UUID customerId, Money amount, String paymentToken) {
		this(UUID.randomUUID(), orderId, customerId, amount, paymentToken);
	}

}
