package dev.emporium;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
		var document = JsonMapper.builder().build().readTree(json);
		var paths = document.get("paths");
		var schemas = document.get("components").get("schemas");

		var operations = new ArrayList<String>();
		var undocumented = new ArrayList<String>();
		var notProblems = new ArrayList<String>();
		var withoutExamples = new ArrayList<String>();
		var withoutSchemas = new ArrayList<String>();
		var undeclared = new ArrayList<String>();
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
				withoutExamples.addAll(bodiesWithoutExamples(name, operation));
				bodies(operation).filter(body -> !body.getKey().startsWith("request"))
					.filter(body -> !body.getValue().has("schema"))
					.forEach(body -> withoutSchemas.add(name + " " + body.getKey()));
				bodies(operation).filter(body -> body.getValue().has("schema"))
					.forEach(body -> examples(body.getValue()).forEach(example -> undeclaredFields(example,
							body.getValue().get("schema"), schemas, name + " " + body.getKey(), undeclared)));
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
		assertThat(withoutExamples).as("operations without a request or 2xx response example").isEmpty();
		assertThat(withoutSchemas).as("2xx response bodies without a schema").isEmpty();
		assertThat(undeclared).as("example fields their schema does not declare").isEmpty();
	}

	/**
	 * An operation needs an example of its request body, if it takes one, and of every
	 * 2xx response body; a 2xx response without a body (202, 204) needs none, but the
	 * operation must document some 2xx response.
	 */
	private static List<String> bodiesWithoutExamples(String name, JsonNode operation) {
		var missing = new ArrayList<String>();
		var request = operation.path("requestBody").path("content");
		if (!request.isMissingNode() && !hasExample(request)) {
			missing.add(name + " request");
		}
		var responses = operation.get("responses");
		var successes = responses.propertyNames().stream().filter(code -> code.startsWith("2")).toList();
		if (successes.isEmpty()) {
			missing.add(name + " (no 2xx response)");
		}
		successes.stream()
			.filter(code -> !responses.get(code).path("content").isEmpty())
			.filter(code -> !hasExample(responses.get(code).get("content")))
			.forEach(code -> missing.add(name + " " + code));
		return missing;
	}

	// springdoc keeps an example that is not valid JSON as a string: that is no example.
	private static boolean hasExample(JsonNode content) {
		return !content.isEmpty() && content.values()
			.stream()
			.allMatch(mediaType -> mediaType.path("example").isContainer() || (!mediaType.path("examples").isEmpty()
					&& mediaType.get("examples").values().stream().allMatch(e -> e.path("value").isContainer())));
	}

	/**
	 * The request body's media types and the 2xx responses', named "request <type>" and
	 * "<code> <type>".
	 */
	private static Stream<Map.Entry<String, JsonNode>> bodies(JsonNode operation) {
		var responses = operation.get("responses");
		var request = operation.path("requestBody")
			.path("content")
			.properties()
			.stream()
			.map(body -> Map.entry("request " + body.getKey(), body.getValue()));
		var successes = responses.propertyNames()
			.stream()
			.filter(code -> code.startsWith("2"))
			.flatMap(code -> responses.get(code)
				.path("content")
				.properties()
				.stream()
				.map(body -> Map.entry(code + " " + body.getKey(), body.getValue())));
		return Stream.concat(request, successes);
	}

	private static Stream<JsonNode> examples(JsonNode mediaType) {
		var named = mediaType.path("examples").values().stream().map(example -> example.path("value"));
		return Stream.concat(Stream.of(mediaType.path("example")), named).filter(JsonNode::isContainer);
	}

	private static void undeclaredFields(JsonNode example, JsonNode schema, JsonNode schemas, String path,
			List<String> undeclared) {
		var resolved = schema;
		while (resolved.has("$ref")) {
			resolved = schemas.path(resolved.get("$ref").asString().replace("#/components/schemas/", ""));
		}
		var properties = resolved.path("properties");
		if (example.isObject() && !properties.isMissingNode()) {
			for (var field : example.propertyNames()) {
				if (!properties.has(field)) {
					undeclared.add(path + " " + field);
				}
				else {
					undeclaredFields(example.get(field), properties.get(field), schemas, path + " " + field,
							undeclared);
				}
			}
		}
		else if (example.isArray() && resolved.has("items")) {
			var items = resolved.get("items");
			example.values().forEach(item -> undeclaredFields(item, items, schemas, path + "[]", undeclared));
		}
	}

	private static boolean takesInputOrToken(JsonNode operation) {
		var secured = !operation.has("security") || !operation.get("security").isEmpty();
		return secured || operation.has("parameters") || operation.has("requestBody");
	}

	private static boolean documentsAClientError(JsonNode responses) {
		return responses.propertyNames().stream().anyMatch(code -> code.startsWith("4"));
	}

}
