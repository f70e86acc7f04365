package dev.emporium.orders;

import java.util.UUID;

/**
 * An order left the warehouse.
 */
public record OrderShipped(UUID orderId, UUID customerId, String trackingNumber) {
}
