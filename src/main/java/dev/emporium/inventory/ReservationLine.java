package dev.emporium.inventory;

import org.springframework.data.relational.core.mapping.Table;

/**
 * How many of one SKU a reservation holds.
 */
@Table(schema = "inventory", name = "reservation_line")
record ReservationLine(String sku, int quantity) {
}
