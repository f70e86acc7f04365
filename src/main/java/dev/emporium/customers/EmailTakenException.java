package dev.emporium.customers;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * Someone tried to register an e-mail address that already has an account.
 */
class EmailTakenException extends ProblemException {

	EmailTakenException(String email) {
		super(HttpStatus.CONFLICT, "email-taken", "E-mail address taken",
				"An account with the e-mail address %s already exists".formatted(email));
	}

}
