package dev.emporium.catalog;

import dev.emporium.shared.Money;

/**
 * What other modules need to know of a product: its SKU, name and current price.
 */
public record ProductSummary(String sku, String name, Money price) {
}
