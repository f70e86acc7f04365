package dev.emporium.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * What the simulations send, as bench/lua and bench/sql send it: the environment bench/run passes, the seeded
 * customers' tokens and SKUs, and the place-order request.
 */
final class Requests {

	static final String BASE_URL = env("BENCH_BASE_URL", "http://localhost:18080");

	static final int PRODUCTS = Integer.parseInt(env("BENCH_PRODUCTS", "100"));

	private Requests() {
	}

	static String env(String name, String fallback) {
		var value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	static List<String> tokens(String file) {
		try {
			return Files.readAllLines(Path.of(file))
				.stream()
				.filter(line -> !line.isBlank())
				.toList();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sku(int n) {
		return "BENCH-%04d".formatted(n);
	}

	// Two distinct SKUs in SKU order, as bench/lua/order.lua and bench/sql/place-order.sql pick them.
	static Iterator<Map<String, Object>> orders(List<String> tokens) {
		Supplier<Map<String, Object>> next = () -> {
			var random = ThreadLocalRandom.current();
			int first = random.nextInt(1, PRODUCTS / 2 + 1);
			return Map.of("token", tokens.get(random.nextInt(tokens.size())), "key", UUID.randomUUID().toString(),
					"sku1", sku(first), "sku2", sku(first + PRODUCTS / 2));
		};
		return Stream.generate(next).iterator();
	}

	static Iterator<Map<String, Object>> skus() {
		return Stream.generate(
				() -> Map.<String, Object>of("sku", sku(ThreadLocalRandom.current().nextInt(1, PRODUCTS + 1))))
			.iterator();
	}

	/** The application at BENCH_BASE_URL, over connections shared by the virtual users, as wrk's are. */
	static HttpProtocolBuilder protocol() {
		return http.baseUrl(BASE_URL).acceptHeader("application/json").shareConnections();
	}

	/** GET /products/{sku} of a seeded SKU (fed by {@link #skus()}), answered 200. */
	static HttpRequestActionBuilder readProduct(String request) {
		return http(request).get("/api/v1/products/#{sku}").check(status().is(200));
	}

	static ChainBuilder placeOrder(String request, String url, List<String> tokens) {
		return feed(orders(tokens)).exec(http(request).post(url)
			.header("Authorization", "Bearer #{token}")
			.header("Idempotency-Key", "#{key}")
			.header("Content-Type", "application/json")
			.body(StringBody("""
					{"lines":[{"sku":"#{sku1}","quantity":1},{"sku":"#{sku2}","quantity":1}],
					 "shippingAddress":{"name":"Bench","line1":"1 Bench St","city":"London","postalCode":"N1 7AA","country":"GB"},
					 "paymentToken":"tok_visa"}"""))
			.check(status().is(201)));
	}

}
