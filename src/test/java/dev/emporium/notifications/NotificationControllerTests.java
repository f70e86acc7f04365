package dev.emporium.notifications;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;

import dev.emporium.customers.CustomerRegistered;
import dev.emporium.notifications.Notification.Kind;
import dev.emporium.notifications.Notification.Message;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationModuleTest
@AutoConfigureMockMvc
class NotificationControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	NotificationManagement management;

	@Test
	void showsTheCallerOnlyTheirOwnNotificationsNewestFirst() throws Exception {
		var customer = customer();
		var other = customer();
		var firstOrder = UUID.randomUUID();
		var secondOrder = UUID.randomUUID();
		notify(customer, firstOrder, Kind.CONFIRMED, "first");
		notify(other, UUID.randomUUID(), Kind.CONFIRMED, "not yours");
		notify(customer, secondOrder, Kind.SHIPPED, "second");

		mvc.perform(
				get("/api/v1/customers/me/notifications").with(jwt().jwt(token -> token.subject(customer.toString()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content", hasSize(2)))
			.andExpect(jsonPath("$.content[0].orderId").value(secondOrder.toString()))
			.andExpect(jsonPath("$.content[0].kind").value("SHIPPED"))
			.andExpect(jsonPath("$.content[0].subject").value("second"))
			.andExpect(jsonPath("$.content[0].body").value("body of second"))
			.andExpect(jsonPath("$.content[0].status").value("RECORDED"))
			.andExpect(jsonPath("$.content[0].id").isString())
			.andExpect(jsonPath("$.content[0].createdAt").isString())
			.andExpect(jsonPath("$.content[0].email").doesNotExist())
			.andExpect(jsonPath("$.content[1].orderId").value(firstOrder.toString()))
			.andExpect(jsonPath("$.page.totalElements").value(2))
			.andExpect(jsonPath("$.page.number").value(0));
	}

	@Test
	void pagesTheNotifications() throws Exception {
		var customer = customer();
		for (int i = 0; i < 3; i++) {
			notify(customer, UUID.randomUUID(), Kind.DELIVERED, "delivery " + i);
		}

		mvc.perform(get("/api/v1/customers/me/notifications").param("page", "1")
			.param("size", "2")
			.with(jwt().jwt(token -> token.subject(customer.toString()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content", hasSize(1)))
			.andExpect(jsonPath("$.content[0].subject").value("delivery 0"))
			.andExpect(jsonPath("$.page.size").value(2))
			.andExpect(jsonPath("$.page.totalPages").value(2));
	}

	@Test
	void rejectsAPageSizeOutOfRange() throws Exception {
		mvc.perform(get("/api/v1/customers/me/notifications").param("size", "0")
			.with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/validation-failed"));
	}

	@Test
	void rejectsCallersWithoutAToken() throws Exception {
		mvc.perform(get("/api/v1/customers/me/notifications"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/unauthorized"));
	}

	private UUID customer() {
		var id = UUID.randomUUID();
		management.remember(new CustomerRegistered(id, id + "@example.com", "Customer"));
		return id;
	}

	private void notify(UUID customer, UUID order, Kind kind, String subject) {
		management.notify(customer, order, kind, recipient -> new Message(subject, "body of " + subject));
	}

}
