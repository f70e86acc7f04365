package dev.emporium.catalog;

/**
 * No product has the SKU asked for.
 */
class ProductNotFoundException extends RuntimeException {

	ProductNotFoundException(String sku) {
		super("There is no product with SKU " + sku);
	}

}
