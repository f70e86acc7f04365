package dev.emporium.payments;

import java.util.UUID;

import dev.emporium.shared.Money;

/**
 * Somebody asked payments to charge an amount for an order with a card token. Payments
 * answers with {@link PaymentCompleted} or {@link PaymentDeclined}, and charges an order
 * at most once.
 */
public record PaymentRequested(UUID orderId, UUID customerId, Money amount, String paymentToken) {
}
