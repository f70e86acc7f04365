package dev.emporium.payments;

import java.util.UUID;

import dev.emporium.shared.Money;

/**
 * A completed payment was refunded in full.
 */
public record PaymentRefunded(UUID orderId, UUID paymentId, Money amount) {
}
