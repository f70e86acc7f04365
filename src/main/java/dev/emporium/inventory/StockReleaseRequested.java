package dev.emporium.inventory;

import java.util.UUID;

/**
 * Somebody asked inventory to give back whatever it reserved for an order, and to reserve
 * nothing for it later.
 */
public record StockReleaseRequested(UUID orderId) {
}
