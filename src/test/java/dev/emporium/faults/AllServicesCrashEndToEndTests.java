package dev.emporium.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.emporium.endtoend.LocalProcesses;
import dev.emporium.endtoend.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole shop as seven services behind the monolith as their gateway, as
 * {@code bin/services} runs it, under a load of orders through the gateway while some
 * services in turn are killed with SIGKILL, database and all, and started again on its
 * data with {@code bin/services restart}; the next is killed once the last one has caught
 * up. Every accepted order ends as planned, once, and stock adds up across the seven
 * databases. Which services a build kills: {@link KilledServices}. Prints a table and
 * appends a line to {@code target/services-summary.txt}.
 */
class AllServicesCrashEndToEndTests {

	/**
	 * Eight JVMs and a broker on two cores: a small heap each, and the quick compiler
	 * only, since they live for two minutes (the serial collector is bin/emporium's).
	 */
	private static final String JAVA_OPTIONS = "-Xmx160m -XX:TieredStopAtLevel=1";

	/**
	 * Failed publications retried within a second of their backoff rather than ten. The
	 * staleness stays at its minute: what a killed service left unfinished is its own,
	 * taken up by its next start, and a shorter one would deliver again what a busy
	 * machine is still working on. The rate limits out of the load's reach, as for every
	 * process the end-to-end tests start.
	 */
	private static final List<String> ARGUMENTS = Stream
		.concat(Stream.of("--emporium.admin.email=" + KillableApplication.ADMIN_EMAIL,
				"--emporium.admin.password=" + KillableApplication.ADMIN_PASSWORD, "--emporium.demo.enabled=false",
				"--emporium.events.check-interval=1s"), LocalProcesses.APPLICATION_RATE_LIMITS.stream())
		.toList();

	/** Long enough for the broker to give a restarted service its partitions back. */
	private static final Duration HEAL_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration THINK_TIME = Duration.ofMillis(500);

	/**
	 * A killed service answers at once (the gateway's 503, a refused connection); but the
	 * first requests to a JVM that has just started, on a busy machine, take seconds.
	 */
	private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

	private static final int SKUS = 5;

	/** Less than the 900 of OrderLoad's shortage orders, which must stay shortages. */
	private static final int INITIAL_STOCK = 800;

	private static final int RESTOCK = 25;

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path directory;

	@Test
	void everyAcceptedOrderCompletesOnceWhileServicesAreKilledInTurn() throws Exception {
		var killed = KilledServices.thisBuild();
		System.out.println(killed.description());
		var begin = Instant.now();
		try (var services = ScriptedServices.start(directory, JAVA_OPTIONS, ARGUMENTS)) {
			var started = Duration.between(begin, Instant.now());
			var databases = ScriptedServices.MODULES.stream()
				.collect(Collectors.toMap(module -> module, services::database));
			var registries = new ArrayList<JdbcClient>(databases.values());
			registries.add(services.database("gateway"));
			var anonymous = ShopClient.anonymous(services.gatewayUrl(), HTTP_TIMEOUT);
			var staff = anonymous.loggedInAs(KillableApplication.ADMIN_EMAIL, KillableApplication.ADMIN_PASSWORD);
			var received = OrderLoad.productsInStock(staff, "SVC", SKUS, INITIAL_STOCK);
			var customers = OrderLoad.customers(anonymous, 3);
			var audit = new ShopAudit(databases, registries, received);
			// A pause after each order keeps the load below what nine JVMs on two cores
			// work off while one of them starts: a backlog that grows would never heal.
			var load = new OrderLoad(List.copyOf(received.keySet()), staff, THINK_TIME);
			load.start(customers);
			Thread.sleep(3_000);

			var rounds = new ArrayList<Round>();
			for (var module : killed.modules()) {
				var unansweredBefore = load.unanswered();
				var killedAt = Instant.now();
				System.out.println(killedAt + " kill -9 of " + module + " and its database");
				services.kill(module);
				services.restart(module);
				var ready = Instant.now();
				var acceptedSoFar = load.accepted().stream().map(OrderLoad.Accepted::orderId).toList();
				var waiting = new HashSet<>(acceptedSoFar);
				await(module + " caught up: the checkout of every order accepted until it was back done")
					.atMost(HEAL_TIMEOUT)
					.pollInterval(Duration.ofMillis(500))
					.until(() -> {
						waiting.removeAll(audit.checkedOut(waiting));
						return waiting;
					}, Set::isEmpty);
				rounds
					.add(new Round(module, Duration.between(killedAt, ready), Duration.between(killedAt, Instant.now()),
							acceptedSoFar.size(), load.unanswered() - unansweredBefore));
			}
			var mistakes = operatorMistakes(services);

			// Restocks only now that nothing is killed: a restock is not idempotent.
			OrderLoad.restockAll(staff, received, RESTOCK);
			Thread.sleep(2_000);
			load.stop();
			var settleStart = Instant.now();
			var findings = audit.settled(load.accepted(), SETTLE_TIMEOUT);
			var figures = new Figures(load.accepted().size(), findings, rounds, started,
					Duration.between(settleStart, Instant.now()), Duration.between(begin, Instant.now()),
					services.cpu().plus(ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO)));
			report(figures);
			load.failures().forEach(failure -> System.out.println("  unanswered: " + failure));

			assertThat(mistakes).as("what bin/services says to an operator's mistakes").isEmpty();
			assertThat(load.unexpected()).as("answers the load did not expect").isEmpty();
			assertThat(load.accepted()).hasSizeGreaterThan(50);
			assertThat(rounds).extracting(Round::module).containsExactlyElementsOf(killed.modules());
			assertThat(findings.lost).as("accepted orders lost").isEmpty();
			assertThat(findings.doubleEffects).as("effects applied twice").isEmpty();
			assertThat(findings.stockMismatches).as("stock that does not add up").isEmpty();
			assertThat(findings.clean()).as(figures.line() + "\n" + findings.details()).isTrue();
			// Every order reached a final state the audit knows: nothing PLACED or
			// RESERVED is left, and each state's effects are there (checked above).
			assertThat(findings.ordersByStatus.keySet()).isSubsetOf("PAID", "SHIPPED", "DELIVERED", "CANCELLED");
			assertThat(findings.ordersByStatus.values().stream().mapToInt(Integer::intValue).sum())
				.isEqualTo(load.accepted().size());
		}
	}

	/**
	 * An operator's mistakes, each answered with one line and a failing exit code while
	 * the services run: a second start, a start on ports in use, a missing jar, a restart
	 * of something that does not exist. Returns what was not answered so.
	 */
	private List<String> operatorMistakes(ScriptedServices services) throws Exception {
		var elsewhere = directory.resolve("elsewhere").toString();
		var mistakes = Map.of("a second start", services.script(Map.of(), "start"), "ports in use",
				services.script(
						Map.of("EMPORIUM_SERVICES_DIR", elsewhere), "start", "--port", String.valueOf(services.port())),
				"a missing jar",
				services.script(Map.of("EMPORIUM_SERVICES_DIR", elsewhere, "EMPORIUM_JAR",
						directory.resolve("no.jar").toString()), "start"),
				"a restart of no such service", services.script(Map.of(), "restart", "warehouse"));
		var wrong = new ArrayList<String>();
		mistakes.forEach((mistake, outcome) -> {
			if (outcome.exitCode() == 0 || outcome.output().strip().lines().count() != 1
					|| !outcome.output().startsWith("bin/services: ")) {
				wrong.add(mistake + ": exit " + outcome.exitCode() + ", said: " + outcome.output());
			}
			System.out.println("  " + mistake + ": " + outcome.output().strip());
		});
		return wrong;
	}

	private static void report(Figures figures) throws IOException {
		System.out.println(figures.table());
		Files.writeString(Path.of("target", "services-summary.txt"), Instant.now() + " " + figures.line() + "\n",
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/**
	 * One service killed: down from the kill until ready again, healed once the checkout
	 * of every order accepted until then was done, and how many requests of the load got
	 * no answer (and were repeated) meanwhile.
	 */
	record Round(String module, Duration down, Duration healed, int ordersAccepted, int unanswered) {
	}

	/**
	 * What the report says; {@code cpu} is the processor time of every process of the
	 * run, this test's JVM included.
	 */
	record Figures(int accepted, Findings findings, List<Round> rounds, Duration started, Duration settled,
			Duration total, Duration cpu) {

		String table() {
			var lines = new ArrayList<String>();
			lines.add("seven services behind the gateway: %s killed with kill -9, database and all, in turn"
				.formatted(rounds.stream().map(Round::module).collect(Collectors.joining(", "))));
			lines.add("  %-14s %8s %8s %16s %11s".formatted("service", "down", "healed", "orders accepted",
					"unanswered"));
			rounds.forEach(round -> lines.add("  %-14s %8s %8s %16d %11d".formatted(round.module(),
					secondsOf(round.down()), secondsOf(round.healed()), round.ordersAccepted(), round.unanswered())));
			lines.add(row("orders accepted", accepted));
			lines.add(
					row("lost / doubled / stuck / stock mismatches", "%d / %d / %d / %d".formatted(findings.lost.size(),
							findings.doubleEffects.size(), findings.stuck.size(), findings.stockMismatches.size())));
			lines.add(row("publications still open", findings.openPublications));
			lines.add(row("orders by status", findings.ordersByStatus));
			lines.add(row("start of broker, seven services and gateway", secondsOf(started)));
			lines.add(row("settled after the load in", secondsOf(settled)));
			lines.add(row("test took", secondsOf(total)));
			lines.add(row("processor time of its processes", secondsOf(cpu)));
			return String.join("\n", lines);
		}

		String line() {
			var perService = rounds.stream()
				.map(round -> "%s=%s/%s".formatted(round.module(), secondsOf(round.down()), secondsOf(round.healed())))
				.collect(Collectors.joining(" "));
			return ("services=7 killed=%d accepted=%d lost=%d doubled=%d stuck=%d stockMismatches=%d openPublications=%d "
					+ "down/healed: %s start=%s settledIn=%s total=%s cpu=%s %s")
				.formatted(rounds.size(), accepted, findings.lost.size(), findings.doubleEffects.size(),
						findings.stuck.size(), findings.stockMismatches.size(), findings.openPublications, perService,
						secondsOf(started), secondsOf(settled), secondsOf(total), secondsOf(cpu),
						findings.ordersByStatus);
		}

		private static String row(String name, Object value) {
			return "  %-44s %s".formatted(name, value);
		}

		private static String secondsOf(Duration duration) {
			return "%.1fs".formatted(duration.toMillis() / 1000.0);
		}

	}

}
