package dev.emporium.payments;

import java.util.UUID;

import dev.emporium.shared.Money;

/**
 * The gateway charged the amount for an order.
 */
public record PaymentCompleted(UUID orderId, UUID paymentId, Money amount) {
}
