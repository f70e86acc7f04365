package dev.emporium;

import java.util.ArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Starts every module together, as the deployable application does, and checks the API
 * description it serves.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmporiumApplicationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyOperationHasASummaryAndDocumentsTheProblemsItsInputCanCause() throws Exception {
		var json = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var paths = JsonMapper.builder().build().readTree(json).get("paths");

		var operations = new ArrayList<String>();
		var undocumented = new ArrayList<String>();
		var notProblems = new ArrayList<String>();
		for (var path : paths.propertyNames()) {
			for (var method : paths.get(path).propertyNames()) {
				var operation = paths.get(path).get(method);
				var name = method.toUpperCase() + " " + path;
				operations.add(name);
				var responses = operation.get("responses");
				responses.propertyNames()
					.stream()
					.filter(code -> code.startsWith("4") || code.startsWith("5"))
					.filter(code -> !responses.get(code).path("content").has("application/problem+json"))
					.forEach(code -> notProblems.add(name + " " + code));
				if (!operation.hasNonNull("summary") || operation.get("summary").asString().isBlank()
						|| (takesInputOrToken(operation) && !documentsAClientError(operation.get("responses")))) {
					undocumented.add(name);
				}
			}
		}

		assertThat(operations).contains("POST /api/v1/orders", "GET /api/v1/products", "POST /api/v1/auth/token",
				"GET /api/v1/customers/me/notifications", "POST /api/v1/shipments/{id}/dispatch");
		assertThat(undocumented).as("operations without a summary or a documented 4xx problem").isEmpty();
		assertThat(notProblems).as("error responses not documented as application/problem+json").isEmpty();
	}

	private static boolean takesInputOrToken(JsonNode operation) {
		var secured = !operation.has("security") || !operation.get("security").isEmpty();
		return secured || operation.has("parameters") || operation.has("requestBody");
	}

	private static boolean documentsAClientError(JsonNode responses) {
		return responses.propertyNames().stream().anyMatch(code -> code.startsWith("4"));
	}

}
