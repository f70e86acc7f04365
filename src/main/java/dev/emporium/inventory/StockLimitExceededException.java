package dev.emporium.inventory;

/**
 * A restock would take a SKU's stock on hand past the supported maximum.
 */
class StockLimitExceededException extends RuntimeException {

	StockLimitExceededException(String sku, int limit) {
		super("%s cannot have more than %d on hand".formatted(sku, limit));
	}

}
