package dev.emporium.endtoend;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A plain HTTP client of the shop API as a front end would use it: JSON in, JSON or
 * problem details out, a bearer token once logged in; every answer checked against the
 * OpenAPI document ({@link ApiContract}). Public for the fault tests in
 * {@code dev.emporium.faults}.
 */
public final class ShopClient {

	private final RestClient http;

	private final String baseUrl;

	private final String token;

	private ShopClient(RestClient http, String baseUrl, String token) {
		this.http = http;
		this.baseUrl = baseUrl;
		this.token = token;
	}

	public static ShopClient anonymous(String baseUrl) {
		return anonymous(RestClient.builder(), baseUrl);
	}

	/**
	 * A client that gives up on a connection or an answer after the timeout, for a server
	 * that may be killed mid-request.
	 */
	public static ShopClient anonymous(String baseUrl, Duration timeout) {
		var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
		factory.setReadTimeout(timeout);
		return anonymous(RestClient.builder().requestFactory(factory), baseUrl);
	}

	private static ShopClient anonymous(RestClient.Builder builder, String baseUrl) {
		return new ShopClient(builder.baseUrl(baseUrl + "/api/v1")
			.requestInterceptor(new ApiContract(baseUrl))
			.defaultStatusHandler(status -> true, (request, response) -> {
				// every answer is returned to the test, errors included
			})
			.build(), baseUrl, null);
	}

	public ShopClient loggedInAs(String email, String password) {
		var answer = post("/auth/token", Map.of("email", email, "password", password));
		if (!answer.getStatusCode().is2xxSuccessful()) {
			throw new IllegalStateException("Login failed for " + email + ": " + answer);
		}
		return new ShopClient(http, baseUrl, answer.getBody().get("accessToken").asString());
	}

	public ShopClient registeredCustomer(String name) {
		var email = "customer-" + UUID.randomUUID() + "@emporium.test";
		var password = "correct-horse-battery";
		var answer = post("/customers", Map.of("email", email, "password", password, "name", name));
		if (answer.getStatusCode().value() != 201) {
			throw new IllegalStateException("Registration failed: " + answer);
		}
		return loggedInAs(email, password);
	}

	public ResponseEntity<JsonNode> get(String path) {
		return http.get().uri(path).headers(this::authorize).retrieve().toEntity(JsonNode.class);
	}

	public ResponseEntity<JsonNode> post(String path, Object body) {
		return post(path, body, new HttpHeaders());
	}

	public ResponseEntity<JsonNode> post(String path, Object body, HttpHeaders extraHeaders) {
		return http.post()
			.uri(path)
			.headers(this::authorize)
			.headers(headers -> headers.addAll(extraHeaders))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	/** An actuator endpoint's answer as text, e.g. {@code prometheus}. */
	public ResponseEntity<String> actuator(String endpoint) {
		return http.get()
			.uri(URI.create(baseUrl + "/actuator/" + endpoint))
			.headers(this::authorize)
			.retrieve()
			.toEntity(String.class);
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
