package dev.emporium.inventory;

import java.util.UUID;

/**
 * Creates SKUs with stock on hand for a test, each with a unique name so that tests
 * sharing a database never see each other's stock, and reads their stock back.
 */
record StockedSkus(Stocks stocks) {

	String create(int onHand) {
		var sku = "SKU-" + UUID.randomUUID();
		stocks.createIfAbsent(sku, onHand);
		return sku;
	}

	Stock get(String sku) {
		return stocks.findById(sku).orElseThrow();
	}

}
