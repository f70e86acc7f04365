package dev.emporium.inventory;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * Inventory keeps no stock for a SKU.
 */
class StockNotFoundException extends ProblemException {

	StockNotFoundException(String sku) {
		super(HttpStatus.NOT_FOUND, "stock-not-found", "Stock not found", "No stock is kept for SKU " + sku);
	}

}
