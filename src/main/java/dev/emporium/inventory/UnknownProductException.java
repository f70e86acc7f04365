package dev.emporium.inventory;

/**
 * The catalog has no product with a SKU that staff tried to restock.
 */
class UnknownProductException extends RuntimeException {

	UnknownProductException(String sku) {
		super("The catalog has no product with SKU " + sku);
	}

}
