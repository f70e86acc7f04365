package dev.emporium.inventory;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * A restock would take a SKU's stock on hand past the supported maximum.
 */
class StockLimitExceededException extends ProblemException {

	StockLimitExceededException(String sku, int limit) {
		super(HttpStatus.CONFLICT, "stock-limit-exceeded", "Stock limit exceeded",
				"%s cannot have more than %d on hand".formatted(sku, limit));
	}

}
