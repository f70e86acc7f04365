package dev.emporium;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The cancel-versus-dispatch race of a paid order, as an attacker would run it against
 * the whole monolith on real PostgreSQL: the customer's cancel and staff's dispatch of
 * the same order are fired at the same moment, 50 times. Each order must end either
 * cancelled, refunded, its shipment cancelled and its stock released, or shipped with the
 * cancellation refused and the customer told; never refunded and dispatched, and the
 * stock adds up exactly (docs/security.md, "Cancel versus dispatch").
 */
@SpringBootTest
@AutoConfigureMockMvc
class CancelVersusDispatchTests {

	static final int TRIALS = 50;

	static final int RECEIVED = 60;

	static final String PROBLEMS = "https://emporium.dev/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void cancelAndDispatchAtTheSameMomentNeverBothWin() throws Exception {
		var sku = "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		call(post("/api/v1/products").with(staff())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"sku":"%s","name":"Race mug","description":"Raced for","price":{"amount":"4.00","currency":"EUR"}}"""
						.formatted(sku)),
				201);
		call(post("/api/v1/inventory/" + sku + "/restock").with(staff())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"quantity\": " + RECEIVED + "}"), 200);
		var customerId = UUID.fromString(call(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"email":"racer-%s@example.com","password":"correct-horse-battery","name":"Ada Racer"}"""
				.formatted(UUID.randomUUID())), 201)
			.get("id")
			.asString());
		var customer = jwt().jwt(token -> token.subject(customerId.toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER"));

		var orders = new ArrayList<String>();
		for (int i = 0; i <= TRIALS; i++) {
			orders.add(call(post("/api/v1/orders").with(customer).contentType(MediaType.APPLICATION_JSON).content("""
					{"lines":[{"sku":"%s","quantity":1}],"paymentToken":"tok_visa",
					 "shippingAddress":{"name":"Ada Racer","line1":"1 Race St","city":"London","postalCode":"N1 7AA",
					                    "country":"GB"}}""".formatted(sku)), 201).get("id").asString());
		}
		var shipments = new HashMap<String, String>();
		await("every order paid with a pending shipment").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (var orderId : orders) {
				if (!shipments.containsKey(orderId)) {
					var found = call(get("/api/v1/shipments?orderId=" + orderId).with(staff()), 200);
					assertThat(found.size()).as("shipments of " + orderId).isEqualTo(1);
					assertThat(call(get("/api/v1/orders/" + orderId).with(customer), 200).get("status").asString())
						.isEqualTo("PAID");
					shipments.put(orderId, found.get(0).get("id").asString());
				}
			}
		});

		// The customer's cancel is answered at once and shipping decides a moment later;
		// how
		// long that takes depends on the machine's load, so it is measured on one order
		// first. Dispatches spread from 0 to twice that after the cancel land on both
		// sides.
		var calibration = orders.remove(TRIALS);
		var began = System.nanoTime();
		call(post("/api/v1/orders/" + calibration + "/cancel").with(customer), 202);
		await("calibration order's shipment cancelled").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> shipmentStatus(calibration).equals("CANCELLED"));
		var decision = Duration.ofNanos(System.nanoTime() - began);
		var trials = new ArrayList<Trial>();
		for (int i = 0; i < TRIALS; i++) {
			var delay = decision.multipliedBy(2L * i).dividedBy(TRIALS - 1);
			trials.add(race(orders.get(i), shipments.get(orders.get(i)), customer, delay));
		}

		try {
			await("every race settled").atMost(Duration.ofSeconds(60))
				.until(() -> trials.stream().map(this::outcome).allMatch(Outcome::settled));
		}
		catch (ConditionTimeoutException ex) {
			// The assertions below say which order is not where it should be.
		}
		var outcomes = trials.stream().map(this::outcome).toList();
		for (int i = 0; i < TRIALS; i++) {
			assertSafe(trials.get(i), outcomes.get(i));
		}
		var shipped = outcomes.stream().filter(outcome -> outcome.order().equals("SHIPPED")).count();
		await("calibration order released").atMost(Duration.ofSeconds(30))
			.until(() -> reservationStatus(calibration).equals("RELEASED"));
		var stock = jdbc.sql("SELECT on_hand, reserved FROM inventory.stock WHERE sku = ?")
			.param(sku)
			.query((row, n) -> List.of(row.getInt("on_hand"), row.getInt("reserved")))
			.single();
		assertThat(stock).as("on hand and reserved of " + sku).containsExactly(RECEIVED - (int) shipped, 0);
		System.out.printf(
				"cancel versus dispatch (monolith): trials=%d shipped=%d cancelled=%d "
						+ "refusedAfterRequest=%d refusedAtOnce=%d decision=%dms onHand=%d%n",
				TRIALS, shipped, TRIALS - shipped,
				trials.stream().filter(trial -> trial.cancel() == 202 && trial.dispatch() == 200).count(),
				trials.stream().filter(trial -> trial.cancel() == 409).count(), decision.toMillis(), stock.get(0));
		assertThat(shipped).as("dispatches that won").isPositive();
		assertThat(TRIALS - shipped).as("cancellations that won").isPositive();
	}

	private String shipmentStatus(String orderId) {
		return jdbc.sql("SELECT status FROM shipping.shipment WHERE order_id = ?")
			.param(UUID.fromString(orderId))
			.query(String.class)
			.single();
	}

	private String reservationStatus(String orderId) {
		return jdbc.sql("SELECT status FROM inventory.reservation WHERE order_id = ?")
			.param(UUID.fromString(orderId))
			.query(String.class)
			.single();
	}

	private Trial race(String orderId, String shipmentId, JwtRequestPostProcessor customer, Duration dispatchDelay)
			throws Exception {
		var start = new CountDownLatch(1);
		var executor = Executors.newFixedThreadPool(2);
		try {
			var cancel = executor.submit(() -> {
				start.await();
				return mvc.perform(post("/api/v1/orders/" + orderId + "/cancel").with(customer)).andReturn();
			});
			var dispatch = executor.submit(() -> {
				start.await();
				TimeUnit.MILLISECONDS.sleep(dispatchDelay.toMillis());
				return mvc
					.perform(post("/api/v1/shipments/" + shipmentId + "/dispatch").with(staff())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"trackingNumber\": \"TRK-" + orderId.substring(0, 8) + "\"}"))
					.andReturn();
			});
			start.countDown();
			var cancelled = cancel.get(30, TimeUnit.SECONDS);
			var dispatched = dispatch.get(30, TimeUnit.SECONDS);
			return new Trial(UUID.fromString(orderId), cancelled.getResponse().getStatus(), problemType(cancelled),
					dispatched.getResponse().getStatus(), problemType(dispatched));
		}
		finally {
			executor.shutdownNow();
		}
	}

	private Outcome outcome(Trial trial) {
		var id = trial.orderId();
		var order = jdbc.sql("SELECT status, cancellation_request FROM orders.orders WHERE id = ?")
			.param(id)
			.query((row, n) -> new String[] { row.getString("status"), row.getString("cancellation_request") })
			.single();
		return new Outcome(order[0], order[1],
				jdbc.sql("SELECT status FROM shipping.shipment WHERE order_id = ?")
					.param(id)
					.query(String.class)
					.single(),
				jdbc.sql("SELECT status FROM payments.payment WHERE order_id = ?")
					.param(id)
					.query(String.class)
					.single(),
				jdbc.sql("SELECT status FROM inventory.reservation WHERE order_id = ?")
					.param(id)
					.query(String.class)
					.single(),
				jdbc.sql("SELECT kind FROM notifications.notification WHERE order_id = ?")
					.param(id)
					.query(String.class)
					.list());
	}

	private static void assertSafe(Trial trial, Outcome outcome) {
		var what = trial + " ended " + outcome;
		assertThat(outcome.payment().equals("REFUNDED") && outcome.shipment().equals("DISPATCHED"))
			.as("refunded and dispatched: " + what)
			.isFalse();
		if (outcome.order().equals("CANCELLED")) {
			assertThat(trial.cancel()).as(what).isEqualTo(202);
			assertThat(trial.dispatch()).as(what).isEqualTo(409);
			assertThat(trial.dispatchProblem()).as(what).isEqualTo(PROBLEMS + "shipment-cancelled");
			assertThat(outcome.request()).as(what).isEqualTo("ACCEPTED");
			assertThat(outcome.shipment()).as(what).isEqualTo("CANCELLED");
			assertThat(outcome.payment()).as(what).isEqualTo("REFUNDED");
			assertThat(outcome.reservation()).as(what).isEqualTo("RELEASED");
			assertThat(outcome.notifications()).as(what).contains("CANCELLED").doesNotContain("CANCELLATION_REFUSED");
			return;
		}
		assertThat(outcome.order()).as(what).isEqualTo("SHIPPED");
		assertThat(trial.dispatch()).as(what).isEqualTo(200);
		assertThat(outcome.shipment()).as(what).isEqualTo("DISPATCHED");
		assertThat(outcome.payment()).as(what).isEqualTo("COMPLETED");
		assertThat(outcome.reservation()).as(what).isEqualTo("COMMITTED");
		assertThat(outcome.notifications()).as(what).contains("SHIPPED").doesNotContain("CANCELLED");
		if (trial.cancel() == 409) {
			// Orders had already heard of the dispatch: the customer is told in the
			// answer.
			assertThat(trial.cancelProblem()).as(what).isEqualTo(PROBLEMS + "order-already-shipped");
			assertThat(outcome.request()).as(what).isNull();
		}
		else {
			assertThat(trial.cancel()).as(what).isEqualTo(202);
			assertThat(outcome.request()).as(what).isEqualTo("REFUSED");
			assertThat(outcome.notifications()).as(what).contains("CANCELLATION_REFUSED");
		}
	}

	private JsonNode call(RequestBuilder request, int expected) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return JSON.readTree(response.getContentAsString());
	}

	private static String problemType(MvcResult result) throws Exception {
		var body = result.getResponse().getContentAsString();
		return (result.getResponse().getStatus() < 400) ? null : JSON.readTree(body).path("type").asString();
	}

	private static JwtRequestPostProcessor staff() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_STAFF"));
	}

	/** What the two racing requests were answered. */
	record Trial(UUID orderId, int cancel, String cancelProblem, int dispatch, String dispatchProblem) {
	}

	/** Where the order and each module's record of it ended. */
	record Outcome(String order, String request, String shipment, String payment, String reservation,
			List<String> notifications) {

		/** Nothing is waiting for an answer or a follow-up any more. */
		boolean settled() {
			var shipped = order.equals("SHIPPED") && payment.equals("COMPLETED") && reservation.equals("COMMITTED")
					&& notifications.contains("SHIPPED") && !"PENDING".equals(request)
					&& (request == null || notifications.contains("CANCELLATION_REFUSED"));
			var cancelled = order.equals("CANCELLED") && payment.equals("REFUNDED") && reservation.equals("RELEASED")
					&& notifications.contains("CANCELLED");
			return shipped || cancelled;
		}

	}

}
