package dev.emporium.catalog;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * Staff tried to add a product under a SKU that is already taken.
 */
class DuplicateSkuException extends ProblemException {

	DuplicateSkuException(String sku) {
		super(HttpStatus.CONFLICT, "duplicate-sku", "Duplicate SKU",
				"A product with SKU %s already exists".formatted(sku));
	}

}
