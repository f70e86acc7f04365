package dev.emporium.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.emporium.endtoend.LocalProcesses;
import dev.emporium.endtoend.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * Three instances on one PostgreSQL server behind haproxy, as {@code bin/cluster} runs
 * them, under a load of orders through haproxy: one instance is killed with SIGKILL and
 * the others finish what it left, then all three are restarted with SIGTERM one at a
 * time, and no request fails while they are. Every accepted order ends as planned, once,
 * and stock adds up. Prints a table and appends a line to
 * {@code target/instances-summary.txt}.
 */
class LoadBalancedInstancesEndToEndTests {

	private static final int INSTANCES = 3;

	private static final Duration STALENESS = Duration.ofSeconds(5);

	/** Recovery after 5 s instead of 1 min, checked every second. */
	private static final List<String> ARGUMENTS = List.of("--emporium.events.staleness=" + STALENESS.toSeconds() + "s",
			"--emporium.events.check-interval=1s");

	private static final Duration READY_IN_HAPROXY = Duration.ofSeconds(30);

	private static final int SKUS = 5;

	/** Less than the 900 of OrderLoad's shortage orders, which must stay shortages. */
	private static final int INITIAL_STOCK = 800;

	private static final int RESTOCK = 25;

	private static final String UNDER_WAY = """
			 FROM events.event_publication
			WHERE completion_date IS NULL AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')""";

	private static final String UNDER_WAY_COUNT = "SELECT count(*)" + UNDER_WAY;

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path directory;

	@Test
	void ordersCompleteOnceAcrossAKillAndARollingRestartBehindHaproxy() throws Exception {
		var haproxy = LoadBalancer.executable();
		assumeTrue(haproxy.isPresent(), "haproxy is not installed (apt-get install haproxy; .ci/run installs it)");
		var begin = Instant.now();
		try (var postgres = EmbeddedPostgres.builder().setPort(LocalProcesses.freePort()).start();
				var balancer = new LoadBalancer();
				var instances = new Instances(directory, postgres.getJdbcUrl("postgres", "postgres"))) {
			var jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			// The first migrates the schemas and makes the signing key; the others then
			// start together, as bin/cluster starts them.
			instances.get(1).start();
			LocalProcesses.startTogether(instances.get(2)::start, instances.get(3)::start);
			balancer.start(haproxy.get(), directory, instances.all());

			var anonymous = ShopClient.anonymous(balancer.baseUrl(), Duration.ofSeconds(10));
			var staff = anonymous.loggedInAs(KillableApplication.ADMIN_EMAIL, KillableApplication.ADMIN_PASSWORD);
			var received = OrderLoad.productsInStock(staff, "LB", SKUS, INITIAL_STOCK);
			var customers = OrderLoad.customers(anonymous, 3);
			// A pause after each order leaves the two cores room to start an instance:
			// under a load without pause a start took 45 to 90 s instead of 15.
			var load = new OrderLoad(List.copyOf(received.keySet()), staff, Duration.ofMillis(50));
			load.start(customers);

			// kill -9 of one instance mid-load; the other two must finish its
			// publications, which wait until they are stale.
			Thread.sleep(8_000);
			// At a moment when events are under way, so that some are the victim's.
			await("events under way").atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(10))
				.failFast(() -> load.accepted().isEmpty())
				.until(() -> jdbc.sql(UNDER_WAY_COUNT).query(Integer.class).single() >= 3);
			var victim = 2;
			System.out.println(Instant.now() + " kill -9 of instance-" + victim);
			instances.get(victim).killJvm();
			var killedAt = jdbc.sql("SELECT clock_timestamp()").query(Timestamp.class).single();
			var unfinished = jdbc.sql("SELECT id" + UNDER_WAY).query(UUID.class).list();
			await("the publications left unfinished at the kill completed by the other instances")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> unfinished.isEmpty() || jdbc.sql("""
						SELECT count(*) FROM events.event_publication WHERE id IN (:ids) AND completion_date IS NULL""")
					.param("ids", unfinished)
					.query(Integer.class)
					.single() == 0);
			var recovered = recoveredSince(jdbc, unfinished, killedAt);
			instances.get(victim).start();
			balancer.awaitUp("instance-" + victim, READY_IN_HAPROXY);
			var failedAroundTheKill = load.unanswered();

			// Rolling restart: SIGTERM one at a time, each ready again (in haproxy's
			// eyes) before the next.
			var rollingStart = Instant.now();
			for (int i = 1; i <= INSTANCES; i++) {
				System.out.println(Instant.now() + " SIGTERM to instance-" + i);
				instances.get(i).terminate();
				instances.get(i).start();
				balancer.awaitUp("instance-" + i, READY_IN_HAPROXY);
			}
			var rolling = Duration.between(rollingStart, Instant.now());
			var failedInTheRollingRestart = load.unanswered() - failedAroundTheKill;

			// Restocks only now that nothing stops: a restock is not idempotent.
			OrderLoad.restockAll(staff, received, RESTOCK);
			Thread.sleep(2_000);
			load.stop();

			var audit = new ShopAudit(jdbc, received);
			var settleStart = Instant.now();
			var findings = audit.settled(load.accepted(), Duration.ofSeconds(60));
			var settled = Duration.between(settleStart, Instant.now());

			var figures = new Figures(load.accepted().size(), findings.lost.size(), findings.doubleEffects.size(),
					findings.stuck.size(), findings.stockMismatches.size(), findings.openPublications,
					failedAroundTheKill, failedInTheRollingRestart, unfinished.size(), recovered, rolling, settled,
					Duration.between(begin, Instant.now()), findings.ordersByStatus);
			report(figures);
			load.failures().forEach(failure -> System.out.println("  unanswered: " + failure));
			balancer.failedRequests().forEach(request -> System.out.println("  haproxy: " + request));

			assertThat(load.unexpected()).as("answers the load did not expect").isEmpty();
			assertThat(load.accepted()).isNotEmpty();
			assertThat(findings.clean()).as(figures.line() + "\n" + findings.details()).isTrue();
			assertThat(findings.lost).isEmpty();
			assertThat(findings.doubleEffects).isEmpty();
			assertThat(failedInTheRollingRestart).as("requests that failed during the rolling restart").isZero();
		}
	}

	/**
	 * Of the publications unfinished at the kill, those another instance claimed after
	 * it, and how long the longest of them waited from its publication to its completion.
	 */
	private static Recovered recoveredSince(JdbcClient jdbc, List<UUID> unfinished, Timestamp killedAt) {
		if (unfinished.isEmpty()) {
			return new Recovered(0, Duration.ZERO, Duration.ZERO);
		}
		return jdbc.sql("""
				SELECT count(*) AS recovered,
				       coalesce(extract(epoch FROM max(completion_date - publication_date)), 0) AS longest_wait,
				       coalesce(extract(epoch FROM max(completion_date) - :killedAt), 0) AS after_kill
				  FROM events.event_publication
				 WHERE id IN (:ids) AND last_resubmission_date > :killedAt""")
			.param("ids", unfinished)
			.param("killedAt", killedAt)
			.query((row, number) -> new Recovered(row.getInt("recovered"), seconds(row.getDouble("longest_wait")),
					seconds(row.getDouble("after_kill"))))
			.single();
	}

	private static Duration seconds(double seconds) {
		return Duration.ofMillis(Math.round(seconds * 1000));
	}

	private static void report(Figures figures) throws IOException {
		System.out.println(figures.table());
		Files.writeString(Path.of("target", "instances-summary.txt"), Instant.now() + " " + figures.line() + "\n",
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/** The publications of the killed instance that the others completed. */
	record Recovered(int count, Duration longestWait, Duration lastCompletedAfterKill) {
	}

	record Figures(int accepted, int lost, int doubled, int stuck, int stockMismatches, int openPublications,
			int failedAroundTheKill, int failedInTheRollingRestart, int unfinishedAtTheKill, Recovered recovered,
			Duration rollingRestart, Duration settled, Duration total, Map<String, Integer> ordersByStatus) {

		String table() {
			return String.join("\n", "three instances behind haproxy: kill -9 of one, then a rolling restart",
					row("orders accepted", accepted), row("lost", lost), row("doubled", doubled), row("stuck", stuck),
					row("stock mismatches", stockMismatches), row("publications still open", openPublications),
					row("requests failed around the kill", failedAroundTheKill),
					row("requests failed in the rolling restart", failedInTheRollingRestart),
					row("publications unfinished at the kill", unfinishedAtTheKill),
					row("  of them completed by the others", recovered.count()),
					row("  longest wait (publication to completion)", secondsOf(recovered.longestWait())),
					row("  last completed after the kill", secondsOf(recovered.lastCompletedAfterKill())),
					row("rolling restart took", secondsOf(rollingRestart)),
					row("settled after the load in", secondsOf(settled)), row("test took", secondsOf(total)),
					row("orders by status", ordersByStatus));
		}

		String line() {
			return ("instances=3 accepted=%d lost=%d doubled=%d stuck=%d stockMismatches=%d openPublications=%d "
					+ "failedAroundKill=%d failedInRollingRestart=%d unfinishedAtKill=%d recoveredByOthers=%d "
					+ "longestWait=%s lastRecoveredAfterKill=%s rollingRestart=%s settledIn=%s total=%s %s")
				.formatted(accepted, lost, doubled, stuck, stockMismatches, openPublications, failedAroundTheKill,
						failedInTheRollingRestart, unfinishedAtTheKill, recovered.count(),
						secondsOf(recovered.longestWait()), secondsOf(recovered.lastCompletedAfterKill()),
						secondsOf(rollingRestart), secondsOf(settled), secondsOf(total), ordersByStatus);
		}

		private static String row(String name, Object value) {
			return "  %-44s %s".formatted(name, value);
		}

		private static String secondsOf(Duration duration) {
			return "%.1fs".formatted(duration.toMillis() / 1000.0);
		}

	}

	/** The instances, numbered from 1, each in a directory of its own. */
	private static final class Instances implements AutoCloseable {

		private final List<KillableApplication> all = new ArrayList<>();

		Instances(Path directory, String databaseUrl) throws IOException {
			for (int i = 1; i <= INSTANCES; i++) {
				all.add(KillableApplication.instance(Files.createDirectory(directory.resolve("instance-" + i)),
						databaseUrl, ARGUMENTS));
			}
		}

		KillableApplication get(int number) {
			return all.get(number - 1);
		}

		List<KillableApplication> all() {
			return all;
		}

		@Override
		public void close() throws Exception {
			for (var instance : all) {
				instance.close();
			}
		}

	}

}
