package dev.emporium.customers;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationModuleTest
@TestPropertySource(properties = { "emporium.admin.email=Boss@Emporium.dev", "emporium.admin.password=staff-secret" })
class StaffAccountTests {

	@Autowired
	CustomerManagement customers;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	StaffAccount staffAccount;

	@Test
	void createsConfiguredStaffAccountAtStartup() {
		assertThat(customers.findByEmail("boss@emporium.dev")).hasValueSatisfying(staff -> {
			assertThat(staff.isStaff()).isTrue();
			assertThat(passwords.matches("staff-secret", staff.passwordHash())).isTrue();
		});
	}

	@Test
	void keepsTheSameAccountAcrossRestarts() {
		var before = customers.findByEmail("boss@emporium.dev").orElseThrow();

		staffAccount.run(new DefaultApplicationArguments());

		var after = customers.findByEmail("boss@emporium.dev").orElseThrow();
		assertThat(after.id()).isEqualTo(before.id());
		assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
	}

	@Test
	void promotesExistingCustomerWithTheConfiguredEmail() {
		var customer = customers.register("manager@emporium.dev", "customer pass", "Manager");

		new StaffAccount(new StaffSettings("MANAGER@emporium.dev", "new staff secret"), customers)
			.run(new DefaultApplicationArguments());

		var promoted = customers.customer(customer.id());
		assertThat(promoted.isStaff()).isTrue();
		assertThat(passwords.matches("new staff secret", promoted.passwordHash())).isTrue();
	}

	@Test
	void doesNothingWithoutBothSettings() {
		new StaffAccount(new StaffSettings("nobody@emporium.dev", null), customers)
			.run(new DefaultApplicationArguments());

		assertThat(customers.findByEmail("nobody@emporium.dev")).isEmpty();
	}

}
