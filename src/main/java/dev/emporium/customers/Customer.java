package dev.emporium.customers;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.emporium.shared.Caller;

/**
 * A customer account: who may log in with which password, and in which role.
 */
@Table(schema = "customers", name = "customer")
class Customer {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	@Id
	private final UUID id;

	private final String email;

	private final String name;

	private String passwordHash;

	private String role;

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	Customer(UUID id, String email, String name, String passwordHash, String role, Instant createdAt, Long version) {
		this.id = id;
		this.email = email;
		this.name = name;
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Customer register(String email, String name, String passwordHash) {
		return create(email, name, passwordHash, Caller.CUSTOMER);
	}

	static Customer registerStaff(String email, String name, String passwordHash) {
		return create(email, name, passwordHash, Caller.STAFF);
	}

	/**
	 * The form an e-mail address is stored and looked up in: trimmed and lower-cased.
	 */
	static String normalize(String email) {
		return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	private static Customer create(String email, String name, String passwordHash, String role) {
		var normalized = normalize(email);
		if (normalized == null || normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
			throw new InvalidCustomerException("'%s' is not an e-mail address".formatted(email));
		}
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new InvalidCustomerException("A name of 1 to 200 characters is required");
		}
		if (passwordHash == null || passwordHash.isBlank()) {
			throw new InvalidCustomerException("A password hash is required");
		}
		return new Customer(UUID.randomUUID(), normalized, name.strip(), passwordHash, role, Instant.now(), null);
	}

	/**
	 * Makes this account a staff account that logs in with the given password.
	 */
	void promoteToStaff(String passwordHash) {
		this.role = Caller.STAFF;
		this.passwordHash = passwordHash;
	}

	boolean isStaff() {
		return Caller.STAFF.equals(role);
	}

	UUID id() {
		return id;
	}

	String email() {
		return email;
	}

	String name() {
		return name;
	}

	String passwordHash() {
		return passwordHash;
	}

	String role() {
		return role;
	}

	Instant createdAt() {
		return createdAt;
	}

}
