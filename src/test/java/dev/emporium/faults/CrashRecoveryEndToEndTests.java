package dev.emporium.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.emporium.endtoend.ShopClient;
import dev.emporium.endtoend.ZipkinServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the packaged application with SIGKILL at random moments while customers order and
 * staff ship, restarts it on the same data each time, and then checks the promise of the
 * event publication registry: every accepted order completes its flow or is cancelled
 * with a reason, stock adds up, and nothing is charged, shipped or notified twice.
 * <p>
 * Tunable with system properties: {@code emporium.faults.kills} (4),
 * {@code emporium.faults.settle-seconds} (90, how long the flows may take to finish after
 * the last restart), {@code emporium.faults.seed} (the kill schedule).
 */
class CrashRecoveryEndToEndTests {

	private static final int KILLS = Integer.getInteger("emporium.faults.kills", 4);

	private static final Duration SETTLE_TIMEOUT = Duration
		.ofSeconds(Integer.getInteger("emporium.faults.settle-seconds", 90));

	private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

	private static final int SKUS = 5;

	private static final int INITIAL_STOCK = 150;

	private static final int RESTOCK = 25;

	private static final int CUSTOMERS = 3;

	private static final int TRACED_STOCK = 5;

	/**
	 * Recovery settings of the event publication registry; properties the application
	 * does not know yet are ignored.
	 */
	private static final List<String> RECOVERY = List.of("--emporium.events.staleness=5s",
			"--emporium.events.check-interval=1s");

	private static final String OPEN_PUBLICATIONS = "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL";

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path directory;

	@Test
	void everyAcceptedOrderCompletesOnceAcrossKills() throws Exception {
		var seed = Long.getLong("emporium.faults.seed", System.nanoTime());
		var random = new Random(seed);
		var arguments = new ArrayList<>(RECOVERY);
		arguments.addAll(List.of(System.getProperty("emporium.faults.arguments", "").split(" ")));
		arguments.removeIf(String::isBlank);
		try (var zipkin = ZipkinServer.start()) {
			arguments.add(zipkin.applicationArgument());
			killAndRecover(random, seed, arguments, zipkin);
		}
	}

	private void killAndRecover(Random random, long seed, List<String> arguments, ZipkinServer zipkin)
			throws Exception {
		try (var application = KillableApplication.on(directory, arguments)) {
			application.start();
			var jdbc = JdbcClient.create(new DriverManagerDataSource(application.jdbcUrl(), "postgres", ""));
			var anonymous = ShopClient.anonymous(application.baseUrl(), HTTP_TIMEOUT);
			var staff = anonymous.loggedInAs(KillableApplication.ADMIN_EMAIL, KillableApplication.ADMIN_PASSWORD);
			var received = OrderLoad.productsInStock(staff, "FAULT", SKUS, INITIAL_STOCK);
			var customers = OrderLoad.customers(anonymous, CUSTOMERS);
			// An order of its own SKU, placed within a trace the test starts just before
			// the last kill, a JVM's: the kill cuts its checkout, which goes on after the
			// restart in a JVM that lives on to export its spans (a span buffered in a
			// killed JVM is lost, though the step it recorded has committed).
			var tracedSku = OrderLoad.productInStock(staff, "FAULT", TRACED_STOCK);
			var traceparent = ZipkinServer.newTraceparent();
			OrderLoad.Accepted traced = null;
			int tracedOpenAtKill = 0;

			var load = new OrderLoad(List.copyOf(received.keySet()), staff);
			received.put(tracedSku, TRACED_STOCK);
			load.start(customers);
			int jvmKills = 0;
			int fullKills = 0;
			int openAtKill = 0;
			for (int round = 1; round <= KILLS; round++) {
				Thread.sleep(2_000 + random.nextInt(4_000));
				// Alternating kinds, the last a JVM kill.
				if ((KILLS - round) % 2 == 1) {
					application.killEverything();
					fullKills++;
				}
				else {
					if (round == KILLS) {
						traced = placeTraced(customers.get(0), tracedSku, traceparent);
					}
					application.killJvm();
					jvmKills++;
					// The orphaned server still answers: what the dead JVM left
					// unfinished.
					openAtKill += jdbc.sql(OPEN_PUBLICATIONS).query(Integer.class).single();
					if (traced != null) {
						tracedOpenAtKill = jdbc.sql(OPEN_PUBLICATIONS + " AND serialized_event LIKE :order")
							.param("order", "%" + traced.orderId() + "%")
							.query(Integer.class)
							.single();
					}
				}
				application.start();
			}
			// Restocks only now that nothing will be killed: a restock is not idempotent,
			// so one cut off by a crash could not be counted.
			OrderLoad.restockAll(staff, received, RESTOCK);
			Thread.sleep(3_000);
			load.stop();

			assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).as("a durable database").isEqualTo("on");
			var audit = new ShopAudit(jdbc, received);
			var settleStart = Instant.now();
			var orders = new ArrayList<>(load.accepted());
			orders.add(traced);
			var findings = audit.settled(orders, SETTLE_TIMEOUT);
			var settled = Duration.between(settleStart, Instant.now());
			checkThroughTheApi(staff, load, jdbc, findings);

			var accepted = load.accepted();
			var summary = ("faults: kills=%d (jvm=%d, jvm+postgres=%d) orders=%d %s ambiguous=%d replayed=%d "
					+ "openPublicationsAtJvmKills=%d cancels=%d dispatches=%d deliveries=%d %s settledIn=%.1fs seed=%d")
				.formatted(jvmKills + fullKills, jvmKills, fullKills, accepted.size(), findings.ordersByStatus,
						accepted.stream().filter(OrderLoad.Accepted::ambiguous).count(),
						accepted.stream().filter(order -> order.ambiguous() && order.replayed()).count(), openAtKill,
						load.cancels(), load.dispatches(), load.deliveries(), findings.counts(),
						settled.toMillis() / 1000.0, seed);
			report(summary);

			assertThat(load.unexpected()).as("answers the load did not expect").isEmpty();
			assertThat(jvmKills + fullKills).isGreaterThanOrEqualTo(3);
			assertThat(accepted).isNotEmpty();
			assertThat(findings.clean()).as(summary + "\n" + findings.details()).isTrue();
			assertThat(findings.lost).isEmpty();
			assertThat(findings.doubleEffects).isEmpty();
			assertTheKilledCheckoutKeptItsTrace(zipkin, traceparent, tracedOpenAtKill);
		}
	}

	private static OrderLoad.Accepted placeTraced(ShopClient customer, String sku, String traceparent) {
		var headers = new HttpHeaders();
		headers.set("traceparent", traceparent);
		var key = UUID.randomUUID().toString();
		headers.set("Idempotency-Key", key);
		var placed = customer.post("/orders",
				Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1)), "shippingAddress", Map.of("name",
						"Trace Kill", "line1", "1 Kill St", "city", "London", "postalCode", "N1 7AA", "country", "GB"),
						"paymentToken", "tok_visa"),
				headers);
		assertThat(placed.getStatusCode().value()).as(placed.toString()).isEqualTo(201);
		return new OrderLoad.Accepted(key, placed.getBody().get("id").asString(), OrderLoad.Plan.KEEP, false, false);
	}

	/**
	 * The checkout the first kill cut short went on after the restart, in the trace its
	 * request started: recovery's redelivery and the listeners after it (payment and
	 * shipment come after the kill) report spans under the same trace ID.
	 */
	private static void assertTheKilledCheckoutKeptItsTrace(ZipkinServer zipkin, String traceparent, int openAtKill) {
		assertThat(openAtKill).as("publications of the traced order left unfinished by the kill").isPositive();
		zipkin.awaitReady();
		var traceId = ZipkinServer.traceIdOf(traceparent);
		var spans = await("the killed checkout's trace").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> zipkin.trace(traceId),
					trace -> trace.stream().anyMatch(span -> span.name().startsWith("redeliver "))
							&& trace.stream().anyMatch(span -> span.module().equals("shipping")));
		assertThat(spans).extracting(ZipkinServer.Span::traceId).containsOnly(traceId);
	}

	/**
	 * What a client sees must agree with the books: every accepted order can be fetched,
	 * and the stock the API shows is the stock in the database.
	 */
	private static void checkThroughTheApi(ShopClient staff, OrderLoad load, JdbcClient jdbc, Findings findings) {
		for (var order : load.accepted()) {
			var answer = staff.get("/orders/" + order.orderId());
			if (answer.getStatusCode().value() != 200) {
				findings.lost.add("order " + order.orderId() + " answers " + answer.getStatusCode());
			}
		}
		jdbc.sql("SELECT sku, on_hand, reserved FROM inventory.stock").query(row -> {
			var stock = staff.get("/inventory/" + row.getString("sku")).getBody();
			if (stock.get("onHand").asInt() != row.getInt("on_hand")
					|| stock.get("reserved").asInt() != row.getInt("reserved")
					|| stock.get("available").asInt() != row.getInt("on_hand") - row.getInt("reserved")) {
				findings.stockMismatches.add("the API shows " + stock + " for " + row.getString("sku"));
			}
		});
	}

	private static void report(String summary) throws IOException {
		System.out.println(summary);
		Files.writeString(Path.of("target", "faults-summary.txt"), Instant.now() + " " + summary + "\n",
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

}
