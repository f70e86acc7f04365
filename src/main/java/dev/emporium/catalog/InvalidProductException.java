package dev.emporium.catalog;

/**
 * A product would break one of the catalog's rules.
 */
class InvalidProductException extends IllegalArgumentException {

	InvalidProductException(String message) {
		super(message);
	}

}
