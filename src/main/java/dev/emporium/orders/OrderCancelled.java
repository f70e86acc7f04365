package dev.emporium.orders;

import java.util.UUID;

/**
 * An order was cancelled before dispatch; {@code reason} is OUT_OF_STOCK,
 * PAYMENT_DECLINED or CUSTOMER_REQUEST.
 */
public record OrderCancelled(UUID orderId, UUID customerId, String reason) {
}
