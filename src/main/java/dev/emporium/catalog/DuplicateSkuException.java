package dev.emporium.catalog;

/**
 * Staff tried to add a product under a SKU that is already taken.
 */
class DuplicateSkuException extends RuntimeException {

	DuplicateSkuException(String sku) {
		super("A product with SKU %s already exists".formatted(sku));
	}

}
