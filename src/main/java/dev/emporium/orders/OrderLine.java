package dev.emporium.orders;

import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

import dev.emporium.shared.Money;

/**
 * One line of an order, priced from the catalog when the order was placed.
 */
@Table(schema = "orders", name = "order_line")
record OrderLine(String sku, String name, int quantity, @Embedded.Nullable(prefix = "unit_price_") Money unitPrice) {

	static final int MAX_QUANTITY = 1000;

	OrderLine {
		if (sku == null || sku.isBlank()) {
			throw new OrderRejectedException("invalid-order-line", "Invalid order line", "Every line needs a SKU");
		}
		if (quantity < 1 || quantity > MAX_QUANTITY) {
			throw new OrderRejectedException("invalid-quantity", "Invalid quantity",
					"The quantity of %s must be between 1 and %d, got %d".formatted(sku, MAX_QUANTITY, quantity));
		}
		if (unitPrice == null) {
			throw new OrderRejectedException("invalid-order-line", "Invalid order line",
					"%s has no price".formatted(sku));
		}
	}

	Money lineTotal() {
		return unitPrice.times(quantity);
	}

}
