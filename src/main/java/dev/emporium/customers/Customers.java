package dev.emporium.customers;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * The customer accounts, found by id or by their lower-cased e-mail address.
 */
interface Customers extends Repository<Customer, UUID> {

	Customer save(Customer customer);

	Optional<Customer> findById(UUID id);

	Optional<Customer> findByEmail(String email);

}
