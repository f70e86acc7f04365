package dev.emporium.orders;

import java.util.UUID;

import dev.emporium.shared.Money;

/**
 * An order's stock was reserved and its payment completed: the shop will ship it.
 */
public record OrderConfirmed(UUID orderId, UUID customerId, Money total) {
}
