package dev.emporium.bench;

import static dev.emporium.bench.Requests.env;
import static dev.emporium.bench.Requests.skus;
import static dev.emporium.bench.Requests.tokens;
import static io.gatling.javaapi.core.CoreDsl.*;

import java.util.List;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * After a few seconds of warm-up, open-model load at a constant arrival rate (half of what bench/run measured as the maximum): first place order,
 * then product reads, so that queueing shows in the latencies instead of slowing the load down. When
 * BENCH_EXTRACTED_URL is set, place order again on the monolith whose inventory and payments run as services, at
 * half of what that topology sustains (BENCH_EXTRACTED_RATE), as bench/run measured it. With BENCH_LOW_RATE too, place
 * order last at that low rate on each of the two, the all-local monolith first: what the hop adds to a request and to
 * its checkout when the processes do not compete for the two cores.
 */
public class HalfLoadSimulation extends Simulation {

	static final double ORDER_RATE = Double.parseDouble(env("BENCH_ORDER_RATE", "50"));

	static final double READ_RATE = Double.parseDouble(env("BENCH_READ_RATE", "100"));

	static final int DURATION = Integer.parseInt(env("BENCH_DURATION", "20"));

	static final int WARMUP = Integer.parseInt(env("BENCH_GATLING_WARMUP", "5"));

	static final String EXTRACTED_URL = env("BENCH_EXTRACTED_URL", "");

	static final double EXTRACTED_RATE = Double.parseDouble(env("BENCH_EXTRACTED_RATE", String.valueOf(ORDER_RATE)));

	static final int EXTRACTED_DURATION = Integer.parseInt(env("BENCH_EXTRACTED_DURATION", String.valueOf(DURATION)));

	static final double LOW_RATE = Double.parseDouble(env("BENCH_LOW_RATE", "0"));

	static final int LOW_DURATION = Integer.parseInt(env("BENCH_LOW_DURATION", String.valueOf(DURATION)));

	static ScenarioBuilder placeOrder(String scenario, String request, String url, List<String> tokens) {
		return scenario(scenario).exec(Requests.placeOrder(request, url, tokens));
	}

	ScenarioBuilder placeOrderAllLocal = placeOrder("place order", "POST /orders", "/api/v1/orders",
			tokens(env("BENCH_TOKENS", "tokens.txt")));

	ScenarioBuilder readProduct = scenario("product read").feed(skus())
		.exec(Requests.readProduct("GET /products/{sku}"));

	// Gatling's own warm-up: its JVM starts and compiles on the same two cores as the application, and without this
	// step the first seconds of the measured one paid for that. Its requests are named apart and left out of the
	// figures (gatling_stats.py).
	ScenarioBuilder warmUp = scenario("warm-up").feed(skus())
		.exec(Requests.readProduct("warm-up: GET /products/{sku}"));

	{
		var reads = readProduct.injectOpen(constantUsersPerSec(READ_RATE).during(DURATION));
		if (!EXTRACTED_URL.isBlank()) {
			// An absolute URL: the request goes to the other monolith whatever the protocol's base URL.
			var extractedTokens = tokens(env("BENCH_EXTRACTED_TOKENS", "extracted-tokens.txt"));
			var extracted = placeOrder("place order, extracted", "POST /orders (extracted)",
					EXTRACTED_URL + "/api/v1/orders", extractedTokens);
			reads = reads
				.andThen(extracted.injectOpen(constantUsersPerSec(EXTRACTED_RATE).during(EXTRACTED_DURATION)));
			if (LOW_RATE > 0) {
				var low = placeOrder("place order, low rate", "POST /orders (low rate)", "/api/v1/orders",
						tokens(env("BENCH_TOKENS", "tokens.txt")));
				var extractedLow = placeOrder("place order, extracted, low rate", "POST /orders (extracted, low rate)",
						EXTRACTED_URL + "/api/v1/orders", extractedTokens);
				reads = reads.andThen(low.injectOpen(constantUsersPerSec(LOW_RATE).during(LOW_DURATION))
					.andThen(extractedLow.injectOpen(constantUsersPerSec(LOW_RATE).during(LOW_DURATION))));
			}
		}
		setUp(warmUp.injectOpen(constantUsersPerSec(Math.min(READ_RATE, 200)).during(WARMUP))
			.andThen(placeOrderAllLocal.injectOpen(constantUsersPerSec(ORDER_RATE).during(DURATION)).andThen(reads)))
			.protocols(Requests.protocol());
	}

}
