package dev.emporium.customers;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers customer accounts, looks them up and keeps the staff account configured for
 * the shop.
 */
@Service
@Transactional
class CustomerManagement {

	private static final String STAFF_NAME = "Emporium staff";

	private final Customers customers;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	CustomerManagement(Customers customers, PasswordEncoder passwords, PasswordPolicy policy,
			ApplicationEventPublisher events) {
		this.customers = customers;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
	}

	Customer register(String email, String password, String name) {
		return add(Customer.register(email, name, hash(password, email)));
	}

	@Transactional(readOnly = true)
	Customer customer(UUID id) {
		return customers.findById(id).orElseThrow(() -> new CustomerNotFoundException(id));
	}

	@Transactional(readOnly = true)
	Optional<Customer> findByEmail(String email) {
		return customers.findByEmail(Customer.normalize(email));
	}

	/**
	 * Makes sure a staff account logs in with this e-mail address and password, creating
	 * or promoting the account as needed; changes nothing when it already does.
	 */
	Customer ensureStaff(String email, String password) {
		var existing = findByEmail(email);
		if (existing.isEmpty()) {
			return add(Customer.registerStaff(email, STAFF_NAME, hash(password, email)));
		}
		var customer = existing.get();
		if (customer.isStaff() && passwords.matches(password, customer.passwordHash())) {
			return customer;
		}
		customer.promoteToStaff(hash(password, email));
		return customers.save(customer);
	}

	private Customer add(Customer customer) {
		if (customers.findByEmail(customer.email()).isPresent()) {
			throw new EmailTakenException(customer.email());
		}
		Customer saved;
		try {
			saved = customers.save(customer);
		}
		catch (DataAccessException ex) {
			// The unique e-mail index decides a race between two registrations.
			if (causedBy(ex, DuplicateKeyException.class)) {
				throw new EmailTakenException(customer.email());
			}
			throw ex;
		}
		events.publishEvent(new CustomerRegistered(saved.id(), saved.email(), saved.name()));
		return saved;
	}

	private String hash(String password, String email) {
		var violations = policy.violations(password, Customer.normalize(email));
		if (!violations.isEmpty()) {
			throw InvalidCustomerException.field("password", String.join("; ", violations));
		}
		return passwords.encode(password);
	}

	private static boolean causedBy(Throwable throwable, Class<? extends Throwable> type) {
		for (var cause = throwable; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
