package dev.emporium.catalog;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * No product has the SKU asked for.
 */
class ProductNotFoundException extends ProblemException {

	ProductNotFoundException(String sku) {
		super(HttpStatus.NOT_FOUND, "product-not-found", "Product not found", "There is no product with SKU " + sku);
	}

}
