package dev.emporium.payments;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import dev.emporium.shared.Money;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationModuleTest
@AutoConfigureMockMvc
class PaymentControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Payments payments;

	@Test
	void showsTheCustomerTheirOrdersPaymentWithoutTheCardToken() throws Exception {
		var customer = UUID.randomUUID();
		var payment = payments
			.save(Payment.completed(UUID.randomUUID(), customer, Money.of("37.00", "EUR"), "ch_sandbox_1"));

		mvc.perform(get("/api/v1/payments").param("orderId", payment.orderId().toString())
			.with(jwt().jwt(token -> token.subject(customer.toString()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(payment.id().toString()))
			.andExpect(jsonPath("$[0].orderId").value(payment.orderId().toString()))
			.andExpect(jsonPath("$[0].status").value("COMPLETED"))
			.andExpect(jsonPath("$[0].amount.amount").value("37.00"))
			.andExpect(jsonPath("$[0].amount.currency").value("EUR"))
			.andExpect(jsonPath("$[0].declineReason").doesNotExist())
			.andExpect(jsonPath("$[0].paymentToken").doesNotExist())
			.andExpect(jsonPath("$[0].gatewayReference").doesNotExist());
	}

	@Test
	void showsTheDeclineReason() throws Exception {
		var customer = UUID.randomUUID();
		var payment = payments.save(Payment.declined(UUID.randomUUID(), customer, Money.of("9.90", "EUR"),
				"ch_sandbox_2", "insufficient_funds"));

		mvc.perform(get("/api/v1/payments").param("orderId", payment.orderId().toString())
			.with(jwt().jwt(token -> token.subject(customer.toString()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("DECLINED"))
			.andExpect(jsonPath("$[0].declineReason").value("insufficient_funds"));
	}

	@Test
	void showsAnotherCustomerNothing() throws Exception {
		var payment = payments
			.save(Payment.completed(UUID.randomUUID(), UUID.randomUUID(), Money.of("37.00", "EUR"), "ch_sandbox_3"));

		mvc.perform(get("/api/v1/payments").param("orderId", payment.orderId().toString())
			.with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void showsStaffAnyPayment() throws Exception {
		var payment = payments
			.save(Payment.completed(UUID.randomUUID(), UUID.randomUUID(), Money.of("37.00", "EUR"), "ch_sandbox_4"));

		mvc.perform(get("/api/v1/payments").param("orderId", payment.orderId().toString())
			.with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
				.authorities(new SimpleGrantedAuthority("ROLE_STAFF"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(payment.id().toString()));
	}

	@Test
	void rejectsCallersWithoutAToken() throws Exception {
		mvc.perform(get("/api/v1/payments").param("orderId", UUID.randomUUID().toString()))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/unauthorized"));
	}

	@Test
	void rejectsAnOrderIdThatIsNotAUuid() throws Exception {
		mvc.perform(get("/api/v1/payments").param("orderId", "42")
			.with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString())))).andExpect(status().isBadRequest());
	}

}
