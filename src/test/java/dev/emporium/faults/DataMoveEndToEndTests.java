package dev.emporium.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.emporium.endtoend.Extraction;
import dev.emporium.endtoend.KafkaBroker;
import dev.emporium.endtoend.LocalProcesses;
import dev.emporium.endtoend.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Moves inventory's data (stock, reservations, its inbox) out of the running monolith
 * into the inventory service's own database and back again with {@code bin/extract},
 * while customers keep placing orders through haproxy, as docs/extraction.md's playbook
 * says: each way the copy is made by logical replication under load, then a cut-over
 * holds traffic, drains the events, verifies the copy and the processes restart in the
 * new topology. No accepted order is lost or doubled, every refused request is a 503 with
 * Retry-After, and the books add up before and after. Prints the figures and appends a
 * line to {@code target/data-move-summary.txt}.
 */
class DataMoveEndToEndTests {

	private static final String MODULE = "inventory";

	private static final int SKUS = 4;

	/** Less than the 900 of OrderLoad's shortage orders, which must stay shortages. */
	private static final int INITIAL_STOCK = 800;

	private static final Duration READY_IN_HAPROXY = Duration.ofSeconds(30);

	private static final Duration SETTLE = Duration.ofSeconds(90);

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path directory;

	@Test
	void inventoryMovesToItsServiceAndBackWhileOrdersKeepComing() throws Exception {
		var haproxy = LoadBalancer.executable();
		assumeTrue(haproxy.isPresent(), "haproxy is not installed (apt-get install haproxy; .ci/run installs it)");
		var begin = Instant.now();
		try (var broker = KafkaBroker.start(); var balancer = new LoadBalancer()) {
			var extraction = Extraction.of(MODULE, broker);
			var allLocal = KillableApplication.on(Files.createDirectory(directory.resolve("monolith")),
					extraction.monolithPort(), List.of());
			var service = KillableApplication.on(Files.createDirectory(directory.resolve("service")),
					extraction.servicePort(), extraction.serviceArguments());
			var monolith = new AtomicReference<>(allLocal);
			try (service; var closeMonolith = (AutoCloseable) () -> monolith.get().close()) {
				// The service starts beside the monolith, idle on its own empty database:
				// its migrations make the schema the data is copied into.
				LocalProcesses.startTogether(allLocal::start, service::start);
				balancer.start(haproxy.get(), directory, List.of(allLocal));
				var anonymous = ShopClient.anonymous(balancer.baseUrl(), Duration.ofSeconds(10));
				var staff = anonymous.loggedInAs(KillableApplication.ADMIN_EMAIL, KillableApplication.ADMIN_PASSWORD);
				var received = OrderLoad.productsInStock(staff, "MOVE", SKUS, INITIAL_STOCK);
				var customers = OrderLoad.customers(anonymous, 3);
				var skus = List.copyOf(received.keySet());

				// A shop with a history: orders in every state, settled and audited.
				var history = new OrderLoad(skus, staff, Duration.ofMillis(50));
				history.start(customers);
				Thread.sleep(6_000);
				history.stop();
				var before = settled(allLocal, received, history.accepted());

				// The move, out and back, under a steady load.
				var load = new OrderLoad(skus, staff, Duration.ofMillis(50));
				load.start(customers);
				Thread.sleep(2_000);
				var out = extract(allLocal, service, broker, false);
				allLocal.terminate();
				var remote = allLocal.withArguments(extraction.monolithArguments());
				monolith.set(remote);
				remote.start();
				balancer.awaitUp("instance-1", READY_IN_HAPROXY);
				var outCutOver = Duration.between(out.heldAt(), Instant.now());
				var refusedOut = load.refused();

				// Orders now reserve their stock in the service, through Kafka.
				Thread.sleep(5_000);
				var acceptedWhileOut = load.accepted().size();
				var back = extract(remote, service, broker, true);
				LocalProcesses.startTogether(service::terminate, remote::terminate);
				var local = remote.withArguments(List.of());
				monolith.set(local);
				local.start();
				balancer.awaitUp("instance-1", READY_IN_HAPROXY);
				var backCutOver = Duration.between(back.heldAt(), Instant.now());
				var refusedBack = load.refused() - refusedOut;
				Thread.sleep(2_000);
				load.stop();

				var all = new ArrayList<>(history.accepted());
				all.addAll(load.accepted());
				var after = settled(local, received, all);
				var figures = new Figures(history.accepted().size(), before, load.accepted().size(), acceptedWhileOut,
						after, refusedOut, refusedBack, load.otherwiseFailed(), load.noAnswer(), outCutOver, out.held(),
						backCutOver, back.held(), out.lines(), back.lines(), Duration.between(begin, Instant.now()));
				report(figures);
				load.failures().forEach(failure -> System.out.println("  unanswered: " + failure));

				assertThat(before.clean()).as("before the move: " + before.counts() + "\n" + before.details()).isTrue();
				assertThat(load.unexpected()).as("answers the load did not expect").isEmpty();
				assertThat(load.accepted()).as("orders accepted during the move").isNotEmpty();
				assertThat(after.lost).as("accepted orders lost").isEmpty();
				assertThat(after.doubleEffects).as("orders, charges, shipments doubled").isEmpty();
				assertThat(after.clean()).as("after the move back: " + after.counts() + "\n" + after.details())
					.isTrue();
				// Every error answer was a 503 with Retry-After and a problem; a request
				// that got
				// no answer in time (a busy machine) was repeated with its key, as
				// clients do.
				assertThat(load.otherwiseFailed()).as("5xx answers other than a 503 with Retry-After").isZero();
				assertThat(refusedOut).as("requests refused during the cut-over out").isPositive();
				assertThat(out.lines()).anyMatch(line -> line.contains("checksum"));
				assertThat(back.lines()).anyMatch(line -> line.contains("checksum"));
				assertStaleCopyRefusesWrites(service);
			}
		}
	}

	/**
	 * The copy left in the service's database after the move back refuses every write,
	 * and bin/extract refuses to take it for the live data.
	 */
	private void assertStaleCopyRefusesWrites(KillableApplication service) throws Exception {
		try (var postgres = EmbeddedPostgres.builder()
			.setDataDirectory(service.dataDirectory())
			.setCleanDataDirectory(false)
			.setPort(LocalProcesses.freePort())
			.start()) {
			var jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			var refusal = catchThrowable(() -> jdbc.sql("UPDATE inventory.stock SET on_hand = on_hand + 1").update());
			assertThat(refusal).hasMessageContaining("this copy is stale");
		}
	}

	/** Waits until every accepted order has settled, and audits the monolith's books. */
	private static Findings settled(KillableApplication monolith, Map<String, Integer> received,
			Collection<OrderLoad.Accepted> accepted) throws InterruptedException {
		var data = new SimpleDriverDataSource(new org.postgresql.Driver(), monolith.jdbcUrl(), "postgres", "");
		return new ShopAudit(JdbcClient.create(data), received).settled(accepted, SETTLE);
	}

	/**
	 * Runs {@code bin/extract} as an operator would, against the two embedded databases,
	 * and notes when it began to hold traffic.
	 */
	private Move extract(KillableApplication monolith, KillableApplication service, KafkaBroker broker, boolean back)
			throws Exception {
		var command = new ArrayList<>(List.of("bin/extract"));
		if (back) {
			command.add("--back");
		}
		command.add(MODULE);
		var builder = new ProcessBuilder(command).redirectErrorStream(true);
		var environment = builder.environment();
		Stream.of("SPRING_DATASOURCE_URL", "EMPORIUM_SERVICE_DATASOURCE_URL").forEach(environment::remove);
		environment.putAll(Map.of("EMPORIUM_JAR",
				Path.of(System.getProperty("emporium.jar", "target/emporium.jar")).toAbsolutePath().toString(),
				"EMPORIUM_EMBEDDED_POSTGRES_DATA_DIRECTORY", monolith.dataDirectory().toString(),
				"EMPORIUM_SERVICE_DATA_DIRECTORY", service.dataDirectory().toString(), "EMPORIUM_MONOLITH_URL",
				monolith.baseUrl(), "EMPORIUM_ADMIN_EMAIL", KillableApplication.ADMIN_EMAIL, "EMPORIUM_ADMIN_PASSWORD",
				KillableApplication.ADMIN_PASSWORD, "SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
		var started = Instant.now();
		var process = builder.start();
		var lines = new ArrayList<String>();
		Instant heldAt = null;
		try (var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null) {
				System.out.println("  " + line);
				lines.add(line);
				if (heldAt == null && line.contains("holding client traffic")) {
					heldAt = Instant.now();
				}
			}
		}
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
		assertThat(heldAt).as("bin/extract said when it held traffic").isNotNull();
		return new Move(lines, heldAt, Duration.between(heldAt, Instant.now()), Duration.between(started, heldAt));
	}

	private static void report(Figures figures) throws IOException {
		System.out.println(figures.table());
		Files.writeString(Path.of("target", "data-move-summary.txt"), Instant.now() + " " + figures.line() + "\n",
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/**
	 * One run of bin/extract: its output, when it held traffic, how long after that it
	 * returned, and how long the online copy took before.
	 */
	record Move(List<String> lines, Instant heldAt, Duration held, Duration copy) {
	}

	record Figures(int historyOrders, Findings before, int acceptedDuringMove, int acceptedBeforeMovingBack,
			Findings after, int refusedOut, int refusedBack, int otherwiseFailed, Map<String, Integer> noAnswer,
			Duration outCutOver, Duration outHeldByTool, Duration backCutOver, Duration backHeldByTool,
			List<String> outLines, List<String> backLines, Duration total) {

		String table() {
			return String.join("\n", "inventory's data moved to its service and back under a load of orders",
					row("orders before the move (audited)", historyOrders + " " + before.counts()),
					row("orders accepted during the move", acceptedDuringMove),
					row("  of them before the move back began", acceptedBeforeMovingBack),
					row("lost", after.lost.size()), row("doubled", after.doubleEffects.size()),
					row("stuck", after.stuck.size()), row("stock mismatches after", after.stockMismatches.size()),
					row("publications still open", after.openPublications),
					row("refused (503, Retry-After): out", refusedOut),
					row("refused (503, Retry-After): back", refusedBack), row("5xx other than those", otherwiseFailed),
					row("no answer (repeated with the same key)", noAnswer),
					row("cut-over out: held until routed again", secondsOf(outCutOver)),
					row("  of it in bin/extract (drain, verify)", secondsOf(outHeldByTool)),
					row("cut-over back: held until routed again", secondsOf(backCutOver)),
					row("  of it in bin/extract (drain, verify)", secondsOf(backHeldByTool)),
					row("orders by status after", after.ordersByStatus), row("test took", secondsOf(total)));
		}

		String line() {
			return ("module=inventory history=%d acceptedDuringMove=%d lost=%d doubled=%d stuck=%d stockMismatches=%d "
					+ "openPublications=%d refusedOut=%d refusedBack=%d other5xx=%d noAnswer=%s cutOverOut=%s "
					+ "heldByToolOut=%s cutOverBack=%s heldByToolBack=%s total=%s")
				.formatted(historyOrders, acceptedDuringMove, after.lost.size(), after.doubleEffects.size(),
						after.stuck.size(), after.stockMismatches.size(), after.openPublications, refusedOut,
						refusedBack, otherwiseFailed, noAnswer, secondsOf(outCutOver), secondsOf(outHeldByTool),
						secondsOf(backCutOver), secondsOf(backHeldByTool), secondsOf(total));
		}

		private static String row(String name, Object value) {
			return "  %-44s %s".formatted(name, value);
		}

		private static String secondsOf(Duration duration) {
			return "%.1fs".formatted(duration.toMillis() / 1000.0);
		}

	}

}
