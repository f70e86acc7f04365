package dev.emporium.customers;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * A registration breaks one of the rules for customer accounts.
 */
class InvalidCustomerException extends ProblemException {

	InvalidCustomerException(String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", "Validation failed", message);
	}

	/**
	 * One field breaks a rule: answered like a request that fails Jakarta Validation,
	 * with the field and message in {@code errors}.
	 */
	static InvalidCustomerException field(String field, String message) {
		var exception = new InvalidCustomerException("The request has invalid fields");
		exception.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return exception;
	}

}
