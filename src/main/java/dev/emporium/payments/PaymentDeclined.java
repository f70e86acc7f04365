package dev.emporium.payments;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * The gateway refused to charge for an order; nothing was charged.
 */
@Externalized("emporium.payments::#{#this.orderId()}")
public record PaymentDeclined(UUID eventId, UUID orderId, String reason) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public PaymentDeclined(UUID orderId, String reason) {
		this(UUID.randomUUID(), orderId, reason);
	}

}
