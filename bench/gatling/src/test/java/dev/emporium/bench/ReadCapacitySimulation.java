package dev.emporium.bench;

import static dev.emporium.bench.Requests.env;
import static dev.emporium.bench.Requests.skus;
import static io.gatling.javaapi.core.CoreDsl.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The most product reads per second that Gatling gets answered, closed model: BENCH_CONCURRENCY users, each one read
 * after the other. bench/run's open-model read step runs at half of it. Half of wrk's maximum was more than the
 * application and Gatling together serve on two cores (Gatling spends several times wrk's CPU on a request), and the
 * step measured a queue instead (bench/README.md). After BENCH_WARMUP seconds, the reads answered 200 and the others
 * over BENCH_DURATION seconds go to BENCH_CAPACITY_FILE as "OK KO SECONDS".
 */
public class ReadCapacitySimulation extends Simulation {

	static final int CONCURRENCY = Integer.parseInt(env("BENCH_CONCURRENCY", "32"));

	static final int WARMUP = Integer.parseInt(env("BENCH_WARMUP", "3"));

	static final int DURATION = Integer.parseInt(env("BENCH_DURATION", "8"));

	final Window window = new Window();

	ScenarioBuilder read = scenario("product read").feed(skus())
		.exec(Requests.readProduct("GET /products/{sku}"))
		.exec(session -> {
			window.answered(!session.isFailed());
			return session;
		});

	{
		setUp(read.injectClosed(constantConcurrentUsers(CONCURRENCY).during(WARMUP + DURATION)))
			.protocols(Requests.protocol());
	}

	@Override
	public void after() {
		try {
			Files.writeString(Path.of(env("BENCH_CAPACITY_FILE", "read-capacity")), window.counts());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The answers counted from WARMUP seconds after the first one, for DURATION seconds. */
	static final class Window {

		private long start;

		private long ok;

		private long ko;

		synchronized void answered(boolean success) {
			long now = System.nanoTime();
			if (start == 0) {
				start = now;
			}
			double since = (now - start) / 1e9;
			if (since < WARMUP || since >= WARMUP + DURATION) {
				return;
			}
			if (success) {
				ok++;
			}
			else {
				ko++;
			}
		}

		synchronized String counts() {
			return ok + " " + ko + " " + DURATION + "\n";
		}

	}

}
