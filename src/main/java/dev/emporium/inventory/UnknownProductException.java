package dev.emporium.inventory;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * The catalog has no product with a SKU that staff tried to restock.
 */
class UnknownProductException extends ProblemException {

	UnknownProductException(String sku) {
		super(HttpStatus.NOT_FOUND, "product-not-found", "Product not found",
				"The catalog has no product with SKU " + sku);
	}

}
