package dev.emporium.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.emporium.platform.web.RawHttp.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the running server, over a socket, that once gave a 500 with a stack trace,
 * an HTML page or a 20 MB body parsed (issue 14): each now gets a 4xx problem and leaves
 * no stack trace in the log.
 */
@RunningApi
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTests {

	private static final String PROBLEMS = "https://emporium.dev/problems/";

	private static final String ADDRESS = """
			{"name":"Ada","line1":"1 Street","city":"London","postalCode":"N1","country":"GB"}""";

	@LocalServerPort
	int port;

	RawHttp http;

	@BeforeEach
	void connect() {
		http = new RawHttp(port);
	}

	@Test
	void answersUndecodableQueryStringsWithBadRequest(CapturedOutput log) throws IOException {
		for (var query : new String[] { "=x", "a=%C2", "q=%00", "q=a%ZZ", "%00=x", "x=%" }) {
			assertProblem(get("/api/v1/products?" + query), 400, "malformed-request");
		}
		assertProblem(
				http.send(
						"GET /api/v1/products?x=% HTTP/1.1\r\nHost: localhost\r\n"
								+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3",
						"a=b".getBytes()),
				400, "malformed-request");
		assertNoStackTrace(log);
	}

	@Test
	void refusesNulCharactersInBodiesWithAndWithoutToken(CapturedOutput log) throws IOException {
		var registration = http.send(
				RawHttp.json("POST", "/api/v1/customers", null,
						"{\"email\":\"nul@x.test\",\"password\":\"Lovelace-1843-engine\",\"name\":\"A\\u0000B\"}"),
				"{\"email\":\"nul@x.test\",\"password\":\"Lovelace-1843-engine\",\"name\":\"A\\u0000B\"}"
					.getBytes(StandardCharsets.UTF_8));
		assertProblem(registration, 422, "validation-failed");
		assertThat(registration.body()).contains("\"field\":\"name\"");
		assertProblem(post("/api/v1/auth/token", null, "{\"email\":\"a\\u0000@x.test\",\"password\":\"x\"}"), 422,
				"validation-failed");
		var order = """
				{"lines":[{"sku":"MUG\\u0000","quantity":1}],"shippingAddress":%s,"paymentToken":"tok_visa"}"""
			.formatted(ADDRESS);
		assertProblem(post("/api/v1/orders", customerToken(), order), 422, "validation-failed");
		assertProblem(get("/api/v1/products/MUG%00"), 400, null);
		assertNoStackTrace(log);
	}

	@Test
	void refusesAJsonNullBodyOnRateLimitedOperations(CapturedOutput log) throws IOException {
		// The account of a rate-limited operation is read from the body, which a JSON
		// null does not have.
		assertProblem(post("/api/v1/customers", null, "null"), 400, null);
		assertProblem(post("/api/v1/auth/token", null, "null"), 400, null);
		assertNoStackTrace(log);
	}

	@Test
	void refusesPricesTheCatalogCannotStore(CapturedOutput log) throws IOException {
		var staff = staffToken();
		assertProblem(post("/api/v1/products", staff, product("BIG-001", "10000000000.00")), 422, "validation-failed");
		assertThat(post("/api/v1/products", staff, product("BIG-002", "9999999999.99")).status()).isEqualTo(201);
		assertNoStackTrace(log);
	}

	@Test
	void refusesLargeBodiesBeforeParsingEvenWithoutToken(CapturedOutput log) throws IOException {
		var declared = http.send("POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 20000000", "{\"email\":".getBytes());
		assertProblem(declared, 413, "request-too-large");

		var chunk = "\"" + "x".repeat(8190) + "\",";
		var chunked = new StringBuilder("{\"names\":[");
		for (var i = 0; i < 10; i++) {
			chunked.append(chunk);
		}
		var body = chunked.append("\"\"]}").toString();
		var unknownLength = http.send(
				"POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/json\r\nTransfer-Encoding: chunked",
				(Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
		assertProblem(unknownLength, 413, "request-too-large");

		var justUnder = "{\"email\":\"big@x.test\",\"password\":\"p\",\"name\":\"" + "x".repeat(60_000) + "\"}";
		assertProblem(post("/api/v1/customers", null, justUnder), 422, "validation-failed");
		assertNoStackTrace(log);
	}

	@Test
	void checksTheRoleBeforeTheBody() throws IOException {
		var customer = customerToken();
		assertProblem(post("/api/v1/products", customer, "{}"), 403, "forbidden");
		assertProblem(post("/api/v1/products", customer, "{\"sku\":"), 403, "forbidden");
		assertProblem(post("/api/v1/shipments/" + UUID.randomUUID() + "/dispatch", customer, "{}"), 403, "forbidden");
		assertProblem(post("/api/v1/inventory/MUG-001/restock", customer, "{\"quantity\":-1}"), 403, "forbidden");
	}

	@Test
	void refusesFractionalQuantities() throws IOException {
		var order = """
				{"lines":[{"sku":"MUG-001","quantity":1.9}],"shippingAddress":%s,"paymentToken":"tok_visa"}"""
			.formatted(ADDRESS);
		var answer = post("/api/v1/orders", customerToken(), order);
		assertProblem(answer, 422, "validation-failed");
		assertThat(answer.body()).contains("lines[0].quantity");
		assertProblem(post("/api/v1/inventory/MUG-001/restock", staffToken(), "{\"quantity\":2.5}"), 422,
				"validation-failed");
	}

	@Test
	void answersWhatTomcatRefusesAsProblems(CapturedOutput log) throws IOException {
		assertProblem(http.send("GET /api/v1/products HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)),
				400, null);
		assertProblem(http.send("GET /api/v1/products?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost"), 400,
				null);
		assertNoStackTrace(log);
	}

	@Test
	void answersUnknownAndTraceMethodsWith405() throws IOException {
		for (var method : new String[] { "TRACE", "FOO", "PROPFIND" }) {
			var answer = http.send(method + " /api/v1/products HTTP/1.1\r\nHost: localhost");
			assertProblem(answer, 405, "method-not-allowed");
			assertThat(answer.headers()).containsKey("allow");
		}
	}

	@Test
	void answersFirewallRejectionsAndTheErrorPageAsProblems(CapturedOutput log) throws IOException {
		assertProblem(get("/api/v1//products"), 400, "malformed-request");
		assertProblem(get("/api/v1/products/%2e%2e/orders"), 400, null);
		assertProblem(get("/error"), 404, "not-found");
		assertNoStackTrace(log);
	}

	@Test
	void keepsTheHostHeaderOutOfTheChallenge() throws IOException {
		var answer = http.send("GET /api/v1/orders HTTP/1.1\r\nHost: evil.example");
		assertProblem(answer, 401, "unauthorized");
		assertThat(answer.headers().get("www-authenticate")).isEqualTo("Bearer").doesNotContain("evil");
		var forged = http.send("GET /api/v1/orders HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer not.a.jwt");
		assertProblem(forged, 401, "unauthorized");
		assertThat(forged.headers().get("www-authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
	}

	private Answer get(String path) throws IOException {
		return http.send("GET " + path + " HTTP/1.1\r\nHost: localhost");
	}

	private Answer post(String path, String token, String json) throws IOException {
		return http.send(RawHttp.json("POST", path, token, json), json.getBytes(StandardCharsets.UTF_8));
	}

	private String customerToken() throws IOException {
		var email = "c-" + UUID.randomUUID() + "@hostile.test";
		var password = "Hostile-" + UUID.randomUUID();
		var registered = post("/api/v1/customers", null,
				"{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Eve\"}".formatted(email, password));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		return token(email, password);
	}

	private String staffToken() throws IOException {
		return token(RunningApi.STAFF_EMAIL, RunningApi.STAFF_PASSWORD);
	}

	private String token(String email, String password) throws IOException {
		var answer = post("/api/v1/auth/token", null,
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.body().replaceAll("(?s).*\"accessToken\":\"([^\"]+)\".*", "$1");
	}

	private static String product(String sku, String amount) {
		return """
				{"sku":"%s","name":"Gold mug","price":{"amount":"%s","currency":"EUR"}}""".formatted(sku, amount);
	}

	private static void assertProblem(Answer answer, int status, String slug) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.isProblem()).as(answer.toString()).isTrue();
		if (slug != null) {
			assertThat(answer.body()).as(answer.toString()).contains("\"type\":\"" + PROBLEMS + slug + "\"");
		}
	}

	private static void assertNoStackTrace(CapturedOutput log) {
		assertThat(log.getAll()).doesNotContain("\tat ").doesNotContain("Unexpected failure");
	}

}
