package dev.emporium.platform.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing driven by the OpenAPI document the application serves: for a
 * fixed time (40 s, {@code -Demporium.fuzz.duration}) it sends requests to every
 * operation, built from the operation's parameter and body schemas and then broken on
 * purpose (wrong types, fractions, NUL characters, huge values, missing fields, invalid
 * JSON and percent-encoding), anonymous, as a customer, as staff and with a forged token.
 * The property: no answer is a 5xx, and every error is {@code application/problem+json}.
 * A failure prints the seed that reproduces it ({@code -Demporium.fuzz.seed}).
 */
@RunningApi
class ApiFuzzTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String[] NASTY_STRINGS = { "", " ", "\u0000", "a\u0000b", "%00", "../../etc/passwd",
			"' OR '1'='1", "<script>", "\uD83D\uDE00", "\uFFFF", "-1", "1e309", "9".repeat(40), "x".repeat(5000),
			"null", "MUG-001", "\\", "\"" };

	@LocalServerPort
	int port;

	@Test
	void neverAnswersAServerErrorAndAlwaysAProblem() throws IOException {
		var seed = Long.getLong("emporium.fuzz.seed", System.nanoTime());
		var random = new Random(seed);
		var http = new RawHttp(port);
		var document = JsonMapper.builder()
			.build()
			.readTree(http.send("GET /v3/api-docs HTTP/1.1\r\nHost: localhost").body());
		var operations = operations(document);
		var tokens = new String[] { null, customerToken(http), staffToken(http), "forged.token.value" };
		var deadline = System.nanoTime()
				+ Duration.parse(System.getProperty("emporium.fuzz.duration", "PT40S")).toNanos();
		var statuses = new TreeMap<Integer, Integer>();
		var failures = new ArrayList<String>();
		var sent = 0;
		while (System.nanoTime() < deadline && failures.size() < 10) {
			var operation = operations.get(random.nextInt(operations.size()));
			var request = new Generator(random, document.path("components").path("schemas")).request(operation,
					tokens[random.nextInt(tokens.length)]);
			var answer = http.send(request.head(), request.body());
			sent++;
			statuses.merge(answer.status(), 1, Integer::sum);
			if (answer.status() >= 500 || (answer.status() >= 400 && !answer.isProblem())) {
				failures.add(request.head().lines().findFirst().orElse("") + " -> " + answer);
			}
		}
		System.out.printf("ApiFuzzTests: %d requests over %d operations, statuses %s, seed %d%n", sent,
				operations.size(), statuses, seed);
		assertThat(failures).as("answers that are a 5xx or an error other than a problem (seed %d)", seed).isEmpty();
		assertThat(sent).as("requests sent").isGreaterThan(operations.size());
	}

	private static List<Operation> operations(JsonNode document) {
		var operations = new ArrayList<Operation>();
		for (var path : document.get("paths").propertyNames()) {
			for (var method : document.get("paths").get(path).propertyNames()) {
				// Holding traffic is the switch whose purpose is to answer 503
				// afterwards: not fuzzed.
				if (path.equals("/api/v1/admin/traffic/hold") && method.equals("put")) {
					continue;
				}
				operations.add(new Operation(method.toUpperCase(), path, document.get("paths").get(path).get(method)));
			}
		}
		assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(20);
		return operations;
	}

	private static String customerToken(RawHttp http) throws IOException {
		var email = "fuzz-" + UUID.randomUUID() + "@fuzz.test";
		var password = "Fuzz-" + UUID.randomUUID();
		var body = "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Fuzz\"}".formatted(email, password);
		http.send(RawHttp.json("POST", "/api/v1/customers", null, body), body.getBytes(StandardCharsets.UTF_8));
		return login(http, email, password);
	}

	private static String staffToken(RawHttp http) throws IOException {
		return login(http, RunningApi.STAFF_EMAIL, RunningApi.STAFF_PASSWORD);
	}

	private static String login(RawHttp http, String email, String password) throws IOException {
		var body = "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);
		var answer = http.send(RawHttp.json("POST", "/api/v1/auth/token", null, body),
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.body().replaceAll("(?s).*\"accessToken\":\"([^\"]+)\".*", "$1");
	}

	record Operation(String method, String path, JsonNode spec) {
	}

	record Request(String head, byte[] body) {
	}

	/** Builds one request from an operation's schemas, valid or broken at random. */
	private static final class Generator {

		private final Random random;

		private final JsonNode schemas;

		Generator(Random random, JsonNode schemas) {
			this.random = random;
			this.schemas = schemas;
		}

		Request request(Operation operation, String token) {
			var path = operation.path();
			var query = new ArrayList<String>();
			var headers = new StringBuilder();
			for (var parameter : operation.spec().path("parameters")) {
				var name = parameter.get("name").asString();
				var value = text(parameter.path("schema"));
				switch (parameter.path("in").asString()) {
					case "path" -> path = path.replace("{" + name + "}", encode(value));
					case "query" -> {
						if (random.nextInt(4) > 0) {
							query.add(encode(name) + "=" + encode(value));
						}
					}
					case "header" ->
						headers.append(name).append(": ").append(value.replaceAll("[\\r\\n\\x00]", "")).append("\r\n");
					default -> {
					}
				}
			}
			if (random.nextInt(6) == 0) {
				query.add(pick(new String[] { "=x", "a=%C2", "%00=1", "q=%E0%A4", "x=%", "&&=&", "a=%00" }));
			}
			var target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
			var body = new byte[0];
			var content = operation.spec().path("requestBody").path("content");
			if (!content.isMissingNode() || random.nextInt(10) == 0) {
				body = body(content.path("application/json").path("schema"));
				headers.append("Content-Type: ")
					.append(pick(new String[] { "application/json", "application/json", "application/json",
							"text/plain", "application/x-www-form-urlencoded" }))
					.append("\r\n");
			}
			if (token != null) {
				headers.append("Authorization: Bearer ").append(token).append("\r\n");
			}
			var method = (random.nextInt(40) == 0) ? pick(new String[] { "PATCH", "DELETE", "TRACE", "FOO" })
					: operation.method();
			return new Request(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Length: "
					+ body.length, body);
		}

		private byte[] body(JsonNode schema) {
			return switch (random.nextInt(12)) {
				case 0 -> pick(new String[] { "", "{", "[]", "null", "{\"a\":", "\"text\"", "{}}" })
					.getBytes(StandardCharsets.UTF_8);
				default -> value(schema, 0).toString().getBytes(StandardCharsets.UTF_8);
			};
		}

		private JsonNode value(JsonNode schema, int depth) {
			var resolved = resolve(schema);
			if (random.nextInt(15) == 0 || depth > 6) {
				return broken();
			}
			var type = resolved.path("type").asString(resolved.has("properties") ? "object" : "string");
			return switch (type) {
				case "object" -> {
					var object = NODES.objectNode();
					for (var property : resolved.path("properties").properties()) {
						var required = resolved.path("required").toString().contains("\"" + property.getKey() + "\"");
						if (required ? random.nextInt(20) > 0 : random.nextBoolean()) {
							object.set(property.getKey(), value(property.getValue(), depth + 1));
						}
					}
					yield object;
				}
				case "array" -> {
					var array = NODES.arrayNode();
					var size = random.nextInt(10) == 0 ? 150 : random.nextInt(4);
					for (var i = 0; i < size; i++) {
						array.add(value(resolved.path("items"), depth + 1));
					}
					yield array;
				}
				case "integer" -> switch (random.nextInt(5)) {
					case 0 -> NODES.numberNode(1.9);
					case 1 -> NODES.numberNode(random.nextBoolean() ? Long.MAX_VALUE : Integer.MIN_VALUE);
					default -> NODES.numberNode(random.nextInt(20) - 2);
				};
				case "number" -> NODES.numberNode(random.nextDouble() * 1e12);
				case "boolean" -> NODES.booleanNode(random.nextBoolean());
				default -> NODES.stringNode(text(resolved));
			};
		}

		private JsonNode broken() {
			return switch (random.nextInt(5)) {
				case 0 -> NODES.nullNode();
				case 1 -> NODES.numberNode(1e300);
				case 2 -> NODES.stringNode(pick(NASTY_STRINGS));
				case 3 -> NODES.arrayNode().add(NODES.objectNode());
				default -> NODES.booleanNode(true);
			};
		}

		private String text(JsonNode schema) {
			var resolved = resolve(schema);
			if (random.nextInt(4) == 0) {
				return pick(NASTY_STRINGS);
			}
			if (resolved.has("enum")) {
				return resolved.get("enum").get(random.nextInt(resolved.get("enum").size())).asString();
			}
			return switch (resolved.path("format").asString(resolved.path("type").asString())) {
				case "uuid" -> UUID.randomUUID().toString();
				case "email" -> "fuzz-" + random.nextInt(1000) + "@fuzz.test";
				case "integer", "int32", "int64" -> String.valueOf(random.nextInt(200) - 10);
				case "array" -> text(resolved.path("items"));
				default -> pick(new String[] { "MUG-001", "Fuzz", "GB", "tok_visa", "N1 7AA",
						"FUZZ-" + random.nextInt(100), "EUR" });
			};
		}

		private JsonNode resolve(JsonNode schema) {
			var resolved = schema;
			while (resolved.has("$ref")) {
				resolved = schemas.path(resolved.get("$ref").asString().replace("#/components/schemas/", ""));
			}
			return resolved;
		}

		private String pick(String[] values) {
			return values[random.nextInt(values.length)];
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		}

	}

}
