package dev.emporium.customers;

/**
 * A registration breaks one of the rules for customer accounts.
 */
class InvalidCustomerException extends IllegalArgumentException {

	InvalidCustomerException(String message) {
		super(message);
	}

}
