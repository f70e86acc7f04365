package dev.emporium.customers;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.emporium.shared.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ApplicationModuleTest
class CustomersIntegrationTests {

	@Autowired
	CustomerManagement customers;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void registeringPublishesCustomerRegistered(Scenario scenario) {
		scenario.stimulate(() -> customers.register("Ada@Example.com", "correct horse", "Ada Lovelace"))
			.andWaitForEventOfType(CustomerRegistered.class)
			.matching(event -> event.email().equals("ada@example.com"))
			.toArriveAndVerify((event, customer) -> {
				assertThat(event.customerId()).isEqualTo(customer.id());
				assertThat(event.name()).isEqualTo("Ada Lovelace");
			});
	}

	@Test
	void storesOnlyAHashOfThePassword() {
		var customer = customers.register("hash@example.com", "correct horse", "Hash");

		var stored = customers.customer(customer.id());
		assertThat(stored.passwordHash()).doesNotContain("correct horse").startsWith("{bcrypt-sha256}");
		assertThat(passwords.matches("correct horse", stored.passwordHash())).isTrue();
		assertThat(stored.role()).isEqualTo(Caller.CUSTOMER);
	}

	@Test
	void rejectsEmailTakenInAnyLetterCase() {
		customers.register("taken@example.com", "correct horse", "First");

		assertThatExceptionOfType(EmailTakenException.class)
			.isThrownBy(() -> customers.register("TAKEN@example.com", "correct horse", "Second"));
		assertThat(customers.findByEmail("Taken@Example.com"))
			.hasValueSatisfying(customer -> assertThat(customer.name()).isEqualTo("First"));
	}

	@Test
	void rejectsPasswordsOutsideTheAllowedLength() {
		assertThatExceptionOfType(InvalidCustomerException.class)
			.isThrownBy(() -> customers.register("short@example.com", "1234567", "Short"));
		assertThatExceptionOfType(InvalidCustomerException.class)
			.isThrownBy(() -> customers.register("long@example.com", "x".repeat(129), "Long"));
		assertThat(customers.findByEmail("short@example.com")).isEmpty();
	}

	@Test
	void letsExactlyOneOfTwoConcurrentRegistrationsWin() throws Exception {
		var start = new CountDownLatch(1);
		Callable<Customer> register = () -> {
			start.await();
			return customers.register("race@example.com", "correct horse", "Racer");
		};
		var executor = Executors.newFixedThreadPool(2);
		try {
			var first = executor.submit(register);
			var second = executor.submit(register);
			start.countDown();

			assertThat(List.of(outcome(first), outcome(second))).containsExactlyInAnyOrder("registered", "taken");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void promotesExistingCustomerToStaffWithTheConfiguredPassword() {
		var customer = customers.register("promote@example.com", "customer pass", "Promoted");

		var staff = customers.ensureStaff("Promote@example.com", "staff password");

		assertThat(staff.id()).isEqualTo(customer.id());
		assertThat(customers.customer(customer.id()).isStaff()).isTrue();
		assertThat(passwords.matches("staff password", customers.customer(customer.id()).passwordHash())).isTrue();
	}

	@Test
	void leavesStaffAccountUntouchedWhenEnsuredAgain() {
		var created = customers.ensureStaff("again@example.com", "staff password");

		var again = customers.ensureStaff("again@example.com", "staff password");

		assertThat(again.id()).isEqualTo(created.id());
		assertThat(customers.customer(created.id()).passwordHash()).isEqualTo(created.passwordHash());
	}

	private static String outcome(Future<Customer> future) throws InterruptedException {
		try {
			future.get();
			return "registered";
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof EmailTakenException) {
				return "taken";
			}
			throw new AssertionError(ex.getCause());
		}
	}

}
