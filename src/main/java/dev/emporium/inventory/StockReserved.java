package dev.emporium.inventory;

import java.util.UUID;

/**
 * Every line of an order's reservation request was reserved.
 */
public record StockReserved(UUID orderId) {
}
