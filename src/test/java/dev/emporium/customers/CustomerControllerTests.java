package dev.emporium.customers;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationModuleTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "emporium.admin.email=staff@emporium.dev", "emporium.admin.password=staff-secret" })
class CustomerControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CustomerManagement customers;

	@Test
	void registersCustomer() throws Exception {
		mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("""
				{"email":"New@Example.com","password":"correct horse","name":"New Customer"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/customers/me"))
			.andExpect(jsonPath("$.id").isNotEmpty())
			.andExpect(jsonPath("$.email").value("new@example.com"))
			.andExpect(jsonPath("$.name").value("New Customer"))
			.andExpect(jsonPath("$.role").value("CUSTOMER"))
			.andExpect(jsonPath("$.password").doesNotExist())
			.andExpect(jsonPath("$.passwordHash").doesNotExist());
	}

	@Test
	void rejectsTakenEmailWithConflictProblem() throws Exception {
		customers.register("dup@example.com", "correct horse", "First");

		mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("""
				{"email":"DUP@example.com","password":"correct horse","name":"Second"}"""))
			.andExpect(status().isConflict())
			.andExpect(problem("email-taken"));
	}

	@Test
	void rejectsInvalidRegistrationsWithValidationProblems() throws Exception {
		for (var body : new String[] { """
				{"email":"not-an-email","password":"correct horse","name":"Bad"}""", """
				{"email":"bad@example","password":"correct horse","name":"Bad"}""", """
				{"email":"bad@example.com","password":"short","name":"Bad"}""", """
				{"email":"bad@example.com","password":"correct horse","name":" "}""", """
				{"email":"bad@example.com","name":"Bad"}""" }) {
			mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isUnprocessableContent())
				.andExpect(problem("validation-failed"));
		}
	}

	@Test
	void rejectsMalformedJsonWithBadRequestProblem() throws Exception {
		mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("{\"email\":"))
			.andExpect(status().isBadRequest())
			.andExpect(problem("malformed-request"));
	}

	@Test
	void showsCallerTheirOwnProfile() throws Exception {
		var customer = customers.register("me@example.com", "correct horse", "Me");

		mvc.perform(get("/api/v1/customers/me").with(jwt().jwt(token -> token.subject(customer.id().toString()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(customer.id().toString()))
			.andExpect(jsonPath("$.email").value("me@example.com"));
	}

	@Test
	void requiresTokenForOwnProfile() throws Exception {
		mvc.perform(get("/api/v1/customers/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(problem("unauthorized"));
	}

	@Test
	void answersTokenOfVanishedAccountWithNotFoundProblem() throws Exception {
		mvc.perform(get("/api/v1/customers/me").with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))))
			.andExpect(status().isNotFound())
			.andExpect(problem("customer-not-found"));
	}

	@Test
	void acceptsIssuedTokenAsBearerCredentials() throws Exception {
		mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("""
				{"email":"bearer@example.com","password":"correct horse","name":"Bearer"}"""))
			.andExpect(status().isCreated());
		var token = token("bearer@example.com", "correct horse");

		mvc.perform(get("/api/v1/customers/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("bearer@example.com"))
			.andExpect(jsonPath("$.role").value("CUSTOMER"));
		mvc.perform(get("/api/v1/customers/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token + "x"))
			.andExpect(status().isUnauthorized())
			.andExpect(problem("unauthorized"));
	}

	@Test
	void grantsStaffTokenStaffOnlyOperations() throws Exception {
		var customer = customers.register("looked-up@example.com", "correct horse", "Looked up");
		var staffToken = token("staff@emporium.dev", "staff-secret");
		var customerToken = token("looked-up@example.com", "correct horse");

		mvc.perform(
				get("/api/v1/customers/{id}", customer.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("looked-up@example.com"));
		mvc.perform(get("/api/v1/customers/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("STAFF"));
		mvc.perform(get("/api/v1/customers/{id}", customer.id()).header(HttpHeaders.AUTHORIZATION,
				"Bearer " + customerToken))
			.andExpect(status().isForbidden())
			.andExpect(problem("forbidden"));
	}

	private String token(String email, String password) throws Exception {
		var response = mvc
			.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(response, "$.accessToken");
	}

	private static ResultMatcher problem(String slug) {
		return result -> {
			content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
			jsonPath("$.type").value("https://emporium.dev/problems/" + slug).match(result);
		};
	}

}
