package dev.emporium.customers;

import org.junit.jupiter.api.Test;

import dev.emporium.shared.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CustomerTests {

	@Test
	void registersCustomerWithLowerCasedEmail() {
		var customer = Customer.register("  Ada@Example.COM ", " Ada Lovelace ", "{noop}hash");

		assertThat(customer.id()).isNotNull();
		assertThat(customer.email()).isEqualTo("ada@example.com");
		assertThat(customer.name()).isEqualTo("Ada Lovelace");
		assertThat(customer.role()).isEqualTo(Caller.CUSTOMER);
		assertThat(customer.isStaff()).isFalse();
		assertThat(customer.createdAt()).isNotNull();
	}

	@Test
	void rejectsMalformedEmailAddresses() {
		for (var email : new String[] { "ada", "ada@", "@example.com", "ada@example", "ada lovelace@example.com", "",
				"a@" + "b".repeat(250) + ".com" }) {
			assertThatExceptionOfType(InvalidCustomerException.class).as(email)
				.isThrownBy(() -> Customer.register(email, "Ada", "{noop}hash"));
		}
	}

	@Test
	void rejectsBlankNames() {
		assertThatExceptionOfType(InvalidCustomerException.class)
			.isThrownBy(() -> Customer.register("ada@example.com", " ", "{noop}hash"));
	}

	@Test
	void registersStaffAccounts() {
		assertThat(Customer.registerStaff("boss@example.com", "Boss", "{noop}hash").role()).isEqualTo(Caller.STAFF);
	}

	@Test
	void promotesCustomerToStaffWithNewPassword() {
		var customer = Customer.register("ada@example.com", "Ada", "{noop}old");

		customer.promoteToStaff("{noop}new");

		assertThat(customer.isStaff()).isTrue();
		assertThat(customer.role()).isEqualTo(Caller.STAFF);
		assertThat(customer.passwordHash()).isEqualTo("{noop}new");
	}

}
