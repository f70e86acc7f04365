package dev.emporium.orders;

/**
 * A SKU and how many of it a customer asks for.
 */
record RequestedLine(String sku, int quantity) {
}
