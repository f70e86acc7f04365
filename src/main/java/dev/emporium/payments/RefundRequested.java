package dev.emporium.payments;

import java.util.UUID;

/**
 * Somebody asked payments to refund what was charged for an order, and to charge nothing
 * for it later.
 */
public record RefundRequested(UUID orderId) {
}
