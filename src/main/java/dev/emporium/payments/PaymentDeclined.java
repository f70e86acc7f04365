package dev.emporium.payments;

import java.util.UUID;

/**
 * The gateway refused to charge for an order; nothing was charged.
 */
public record PaymentDeclined(UUID orderId, String reason) {
}
