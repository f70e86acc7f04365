package dev.emporium.customers;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * The e-mail address and password do not match an account; deliberately silent about
 * which of the two is wrong.
 */
class InvalidCredentialsException extends ProblemException {

	InvalidCredentialsException() {
		super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
				"The e-mail address or password is wrong");
	}

}
