package dev.emporium.customers;

import java.util.UUID;

/**
 * No customer account has the id asked for, for instance after a token outlived its
 * account.
 */
class CustomerNotFoundException extends RuntimeException {

	CustomerNotFoundException(UUID id) {
		super("There is no customer account " + id);
	}

}
