package dev.emporium.catalog;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * A product would break one of the catalog's rules.
 */
class InvalidProductException extends ProblemException {

	InvalidProductException(String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", "Validation failed", message);
	}

}
