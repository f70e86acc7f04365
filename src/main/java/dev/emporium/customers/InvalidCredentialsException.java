package dev.emporium.customers;

/**
 * The e-mail address and password do not match an account; deliberately silent about
 * which of the two is wrong.
 */
class InvalidCredentialsException extends RuntimeException {

	InvalidCredentialsException() {
		super("The e-mail address or password is wrong");
	}

}
