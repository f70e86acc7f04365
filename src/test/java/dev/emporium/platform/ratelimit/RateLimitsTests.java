package dev.emporium.platform.ratelimit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import dev.emporium.EmporiumApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of issue 14 against two instances on one database, each request through
 * HTTP from a client address that the trusted proxy (loopback) names in
 * {@code X-Forwarded-For}: brute force, distributed guessing, mass registration and order
 * flooding.
 */
class RateLimitsTests {

	static final String PASSWORD = "correct horse battery";

	static EmbeddedPostgres postgres;

	static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startTwoInstancesOnOneDatabase() throws IOException {
		postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
		for (int i = 0; i < 2; i++) {
			instances.add(new SpringApplicationBuilder(EmporiumApplication.class)
				.initializers(context -> context.getBeanFactory()
					.registerSingleton("testComponentsExcluded", new TestComponentsExcluded()))
				// Arguments, so that they win over the test properties' high limits.
				.run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--server.port=0", "--emporium.demo.enabled=false",
						"--emporium.rate-limits.limits.login.per-address.requests=50",
						"--emporium.rate-limits.limits.login.per-address.per=1h",
						"--emporium.rate-limits.limits.login.per-account.requests=10",
						"--emporium.rate-limits.limits.login.per-account.per=1h",
						"--emporium.rate-limits.limits.login.backoff.free-failures=5",
						"--emporium.rate-limits.limits.login.backoff.initial=200ms",
						"--emporium.rate-limits.limits.login.backoff.maximum=1s",
						"--emporium.rate-limits.limits.registration.per-address.requests=5",
						"--emporium.rate-limits.limits.registration.per-address.per=1h",
						"--emporium.rate-limits.limits.registration.per-account.requests=5",
						"--emporium.rate-limits.limits.registration.per-account.per=1h",
						"--emporium.rate-limits.limits.order-placement.per-account.requests=3",
						"--emporium.rate-limits.limits.order-placement.per-account.per=1h"));
		}
	}

	@AfterAll
	static void stop() throws IOException {
		instances.forEach(ConfigurableApplicationContext::close);
		postgres.close();
	}

	@Test
	void sixHundredWrongPasswordsInARowAreRefusedWith429AndTheOwnerStillLogsIn() throws Exception {
		var victim = registered();
		var statuses = new TreeMap<Integer, Integer>();
		for (int i = 0; i < 600; i++) {
			var response = login(i % 2, "198.51.100.1", victim, "wrong password " + i);
			statuses.merge(response.statusCode(), 1, Integer::sum);
			if (response.statusCode() == 429) {
				assertThat(response.headers().firstValue("Content-Type"))
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				assertThat(response.body()).contains("https://emporium.dev/problems/rate-limited");
				assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
			}
		}

		// 5 failures free, then one per expired backoff, until the address's 50 are
		// spent.
		assertThat(statuses.keySet()).containsOnly(401, 429);
		assertThat(statuses.get(401)).isBetween(5, 50);
		assertThat(statuses.get(429)).isGreaterThanOrEqualTo(550);
		// The owner, from an address that has not failed, is not locked out.
		assertThat(login(0, "198.51.100.2", victim, PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void afterTheBackoffTheRightPasswordWorksFromTheFailingAddressToo() throws Exception {
		var victim = registered();
		for (int i = 0; i < 5; i++) {
			assertThat(login(i % 2, "198.51.100.10", victim, "wrong password").statusCode()).isEqualTo(401);
		}
		assertThat(login(0, "198.51.100.10", victim, "wrong password").statusCode()).isEqualTo(401);

		// Held back, on both instances, even with the right password.
		var held = login(1, "198.51.100.10", victim, PASSWORD);
		assertThat(held.statusCode()).isEqualTo(429);
		assertThat(held.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(held.body()).contains("Too many failed attempts");

		Thread.sleep(1_100);
		assertThat(login(0, "198.51.100.10", victim, PASSWORD).statusCode()).isEqualTo(200);
		// The success forgot the failures: the next mistake is free again.
		assertThat(login(1, "198.51.100.10", victim, "wrong password").statusCode()).isEqualTo(401);
	}

	@Test
	void guessesFromManyAddressesExhaustTheAccountButNeverLockItsOwnerOut() throws Exception {
		var victim = registered();
		var refused = 0;
		for (int address = 1; address <= 15; address++) {
			for (int i = 0; i < 2; i++) {
				var status = login(address % 2, "203.0.113." + address, victim, "guess " + i).statusCode();
				assertThat(status).isIn(401, 429);
				refused += (status == 429) ? 1 : 0;
			}
		}

		// Each address's first guess is free (it had not failed); past the account's 10
		// from failing addresses, their guesses are refused.
		assertThat(refused).isGreaterThanOrEqualTo(30 - 15 - 10);
		assertThat(login(0, "203.0.113.200", victim, PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void registrationsFromOneAddressAreLimitedAcrossInstances() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(register(i % 2, "192.0.2.50", unique()).statusCode()).isEqualTo(201);
		}
		var refused = register(1, "192.0.2.50", unique());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(register(0, "192.0.2.51", unique()).statusCode()).isEqualTo(201);
	}

	@Test
	void ordersArePlacedAtMostAsOftenAsTheAccountsQuotaOnAnyInstance() throws Exception {
		var customer = registered();
		var token = login(0, "192.0.2.60", customer, PASSWORD).body()
			.replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
		var order = """
				{"lines":[{"sku":"NO-SUCH-SKU","quantity":1}],"paymentToken":"tok_visa",
				 "shippingAddress":{"name":"A","line1":"1 St","city":"C","postalCode":"1","country":"GB"}}""";
		for (int i = 0; i < 3; i++) {
			// Unknown SKU: 422, counted all the same.
			assertThat(send(i % 2, "/api/v1/orders", "192.0.2.60", order, token).statusCode()).isEqualTo(422);
		}
		// Another address, the same account.
		assertThat(send(1, "/api/v1/orders", "192.0.2.61", order, token).statusCode()).isEqualTo(429);
	}

	@Test
	void anUntrustedPeerCannotChooseItsAddress() {
		var addresses = new ClientAddresses(List.of("127.0.0.0/8", "::1"));
		var request = new org.springframework.mock.web.MockHttpServletRequest();
		request.setRemoteAddr("192.0.2.7");
		request.addHeader("X-Forwarded-For", "198.51.100.99");
		assertThat(addresses.of(request)).isEqualTo("192.0.2.7");

		request.setRemoteAddr("127.0.0.1");
		request.removeHeader("X-Forwarded-For");
		// The client's own claim first, then what the proxy appended: the proxy's is
		// believed.
		request.addHeader("X-Forwarded-For", "10.9.9.9, 192.0.2.8");
		assertThat(addresses.of(request)).isEqualTo("192.0.2.8");
		request.removeHeader("X-Forwarded-For");
		request.addHeader("X-Forwarded-For", "not-an-address.example.com");
		assertThat(addresses.of(request)).isEqualTo("127.0.0.1");
		request.removeHeader("X-Forwarded-For");
		// Hexadecimal, yet a host name: never resolved.
		request.addHeader("X-Forwarded-For", "cafe");
		assertThat(addresses.of(request)).isEqualTo("127.0.0.1");
		request.removeHeader("X-Forwarded-For");
		request.addHeader("X-Forwarded-For", "2001:db8::7");
		assertThat(addresses.of(request)).isEqualTo("2001:db8::7");
	}

	private static String registered() throws Exception {
		var email = unique();
		assertThat(register(0, "192.0.2." + (1 + Math.abs(email.hashCode() % 40)), email).statusCode()).isEqualTo(201);
		return email;
	}

	private static String unique() {
		return "rate-" + UUID.randomUUID() + "@example.com";
	}

	private static HttpResponse<String> register(int instance, String address, String email) throws Exception {
		return send(instance, "/api/v1/customers", address,
				"{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Rate Tester\"}".formatted(email, PASSWORD), null);
	}

	private static HttpResponse<String> login(int instance, String address, String email, String password)
			throws Exception {
		return send(instance, "/api/v1/auth/token", address,
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null);
	}

	private static HttpResponse<String> send(int instance, String path, String address, String body, String token)
			throws Exception {
		var port = ((WebServerApplicationContext) instances.get(instance)).getWebServer().getPort();
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Keeps the test classes' own components out of the instances' scan. */
	static class TestComponentsExcluded extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName())
					|| reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName())
					|| reader.getClassMetadata().getClassName().contains("Tests$");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestComponentsExcluded;
		}

		@Override
		public int hashCode() {
			return TestComponentsExcluded.class.hashCode();
		}

	}

}
