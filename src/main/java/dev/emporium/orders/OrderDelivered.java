package dev.emporium.orders;

import java.util.UUID;

/**
 * An order reached the customer.
 */
public record OrderDelivered(UUID orderId, UUID customerId) {
}
