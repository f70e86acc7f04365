package dev.emporium.customers;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * No customer account has the id asked for, for instance after a token outlived its
 * account.
 */
class CustomerNotFoundException extends ProblemException {

	CustomerNotFoundException(UUID id) {
		super(HttpStatus.NOT_FOUND, "customer-not-found", "Customer not found", "There is no customer account " + id);
	}

}
