package dev.emporium.payments;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * Somebody asked payments to refund what was charged for an order, and to charge nothing
 * for it later.
 */
@Externalized("emporium.orders::#{#this.orderId()}")
public record RefundRequested(UUID eventId, UUID orderId) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public RefundRequested(UUID orderId) {
		this(UUID.randomUUID(), orderId);
	}

}
