package dev.emporium.customers;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * A registration breaks one of the rules for customer accounts.
 */
class InvalidCustomerException extends ProblemException {

	InvalidCustomerException(String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", "Validation failed", message);
	}

}
