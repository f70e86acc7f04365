package dev.emporium.inventory;

/**
 * Inventory keeps no stock for a SKU.
 */
class StockNotFoundException extends RuntimeException {

	StockNotFoundException(String sku) {
		super("No stock is kept for SKU " + sku);
	}

}
