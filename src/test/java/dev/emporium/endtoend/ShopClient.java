package dev.emporium.endtoend;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A plain HTTP client of the shop API as a front end would use it: JSON in, JSON or
 * problem details out, a bearer token once logged in.
 */
final class ShopClient {

	private final RestClient http;

	private final String token;

	private ShopClient(RestClient http, String token) {
		this.http = http;
		this.token = token;
	}

	static ShopClient anonymous(String baseUrl) {
		return new ShopClient(RestClient.builder()
			.baseUrl(baseUrl + "/api/v1")
			.defaultStatusHandler(status -> true, (request, response) -> {
				// every answer is returned to the test, errors included
			})
			.build(), null);
	}

	ShopClient loggedInAs(String email, String password) {
		var answer = post("/auth/token", Map.of("email", email, "password", password));
		if (!answer.getStatusCode().is2xxSuccessful()) {
			throw new IllegalStateException("Login failed for " + email + ": " + answer);
		}
		return new ShopClient(http, answer.getBody().get("accessToken").asString());
	}

	ShopClient registeredCustomer(String name) {
		var email = "customer-" + UUID.randomUUID() + "@emporium.test";
		var password = "correct-horse-battery";
		var answer = post("/customers", Map.of("email", email, "password", password, "name", name));
		if (answer.getStatusCode().value() != 201) {
			throw new IllegalStateException("Registration failed: " + answer);
		}
		return loggedInAs(email, password);
	}

	ResponseEntity<JsonNode> get(String path) {
		return http.get().uri(path).headers(this::authorize).retrieve().toEntity(JsonNode.class);
	}

	ResponseEntity<JsonNode> post(String path, Object body) {
		return post(path, body, new HttpHeaders());
	}

	ResponseEntity<JsonNode> post(String path, Object body, HttpHeaders extraHeaders) {
		return http.post()
			.uri(path)
			.headers(this::authorize)
			.headers(headers -> headers.addAll(extraHeaders))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	ResponseEntity<JsonNode> postRaw(String path, String json) {
		return http.post()
			.uri(path)
			.headers(this::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	ResponseEntity<JsonNode> put(String path, Object body) {
		return http.put()
			.uri(path)
			.headers(this::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private void authorize(HttpHeaders headers) {
		if (token != null) {
			headers.setBearerAuth(token);
		}
	}

}
