package dev.emporium.customers;

/**
 * Someone tried to register an e-mail address that already has an account.
 */
class EmailTakenException extends RuntimeException {

	EmailTakenException(String email) {
		super("An account with the e-mail address %s already exists".formatted(email));
	}

}
