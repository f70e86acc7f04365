package dev.emporium.endtoend;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The checkout scenario: drives the whole shop over HTTP at a base URL, as a front end
 * would: a customer orders, pays, gets the parcel and is told at every step, while stock
 * adds up; declined payments and shortages end cancelled with stock released. Subclasses
 * start the system under test however it is deployed, then call {@link #shopAt}; the
 * outcome expected is the same for every deployment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CheckoutScenario {

	private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

	/** The modules that work on a paid order. */
	static final List<String> ORDER_MODULES = List.of("orders", "inventory", "payments", "shipping", "notifications");

	private String baseUrl;

	private ShopClient anonymous;

	private ShopClient staff;

	private ZipkinServer zipkin;

	/**
	 * Points the scenario at the shop's base URL and logs staff in, which needs the shop
	 * running.
	 */
	void shopAt(String baseUrl) {
		this.baseUrl = baseUrl;
		anonymous = ShopClient.anonymous(baseUrl);
		staff = anonymous.loggedInAs(RunningApplication.ADMIN_EMAIL, RunningApplication.ADMIN_PASSWORD);
	}

	/**
	 * The Zipkin server every process of the deployment reports its spans to, for the
	 * trace of an order.
	 */
	void tracedBy(ZipkinServer zipkin) {
		this.zipkin = zipkin;
	}

	/**
	 * The service names an order's trace must hold spans of, so that it proves every
	 * process of the deployment took part: {@code emporium} (the request span) and, for a
	 * deployment with a module extracted, that module's (reported by its service alone).
	 */
	abstract Set<String> processesInAnOrdersTrace();

	@Test
	void paidOrderIsShippedDeliveredAndNotified() {
		var sku = productInStock("12.50", 5);
		var customer = anonymous.registeredCustomer("Ada Lovelace");
		var key = new HttpHeaders();
		key.set("Idempotency-Key", UUID.randomUUID().toString());

		var placed = customer.post("/orders", order(sku, 2, "tok_visa"), key);
		assertThat(placed.getStatusCode().value()).isEqualTo(201);
		var orderId = placed.getBody().get("id").asString();
		assertThat(URI.create(baseUrl).resolve(placed.getHeaders().getLocation()))
			.hasToString(baseUrl + "/api/v1/orders/" + orderId);
		assertThat(placed.getBody().get("status").asString()).isEqualTo("PLACED");
		assertThat(placed.getBody().get("total").get("amount").asString()).isEqualTo("25.00");
		assertThat(placed.getBody().get("total").get("currency").asString()).isEqualTo("EUR");

		var retried = customer.post("/orders", order(sku, 2, "tok_visa"), key);
		assertThat(retried.getBody().get("id").asString()).as("a retry returns the same order").isEqualTo(orderId);

		awaitStatus(customer, orderId, "PAID");
		assertStock(sku, 5, 2);

		var shipment = await("shipment").atMost(FLOW_TIMEOUT)
			.until(() -> customer.get("/shipments?orderId=" + orderId).getBody(), body -> body.size() == 1)
			.get(0);
		assertThat(shipment.get("status").asString()).isEqualTo("PENDING");
		var shipmentId = shipment.get("id").asString();

		assertThat(customer.post("/shipments/" + shipmentId + "/dispatch", Map.of("trackingNumber", "TRACK-1"))
			.getStatusCode()
			.value()).as("only staff dispatch").isEqualTo(403);
		assertThat(staff.post("/shipments/" + shipmentId + "/dispatch", Map.of("trackingNumber", "1Z999AA10123456784"))
			.getStatusCode()
			.value()).isEqualTo(200);
		awaitStatus(customer, orderId, "SHIPPED");
		// Orders and inventory each follow ShipmentDispatched on their own: SHIPPED does
		// not mean the reservation is committed yet.
		await("stock committed").atMost(FLOW_TIMEOUT).untilAsserted(() -> assertStock(sku, 3, 0));

		assertThat(staff.post("/shipments/" + shipmentId + "/deliver", Map.of()).getStatusCode().value())
			.isEqualTo(200);
		var delivered = awaitStatus(customer, orderId, "DELIVERED");
		assertThat(delivered.get("trackingNumber").asString()).isEqualTo("1Z999AA10123456784");

		await("notifications").atMost(FLOW_TIMEOUT)
			.until(() -> kindsOf(customer.get("/customers/me/notifications").getBody(), orderId),
					kinds -> kinds.containsAll(List.of("CONFIRMED", "SHIPPED", "DELIVERED")));
	}

	/**
	 * The trace a front end starts with its request ({@code traceparent}) holds the work
	 * of every module on the order, the asynchronous listeners included, and of every
	 * process it crossed, under its one trace ID.
	 */
	@Test
	void oneOrderIsOneTraceThroughEveryModuleAndProcess() {
		assumeTrue(zipkin != null, "no Zipkin server for this deployment");
		var sku = productInStock("4.00", 3);
		var customer = anonymous.registeredCustomer("Ada Trace");
		var traceparent = ZipkinServer.newTraceparent();
		var headers = new HttpHeaders();
		headers.set("traceparent", traceparent);

		var orderId = customer.post("/orders", order(sku, 1, "tok_visa"), headers).getBody().get("id").asString();
		awaitStatus(customer, orderId, "PAID");

		var traceId = ZipkinServer.traceIdOf(traceparent);
		zipkin.awaitReady();
		var spans = await("the order's trace in Zipkin").atMost(FLOW_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> zipkin.trace(traceId), trace -> modulesOf(trace).containsAll(ORDER_MODULES)
					&& processesOf(trace).containsAll(processesInAnOrdersTrace()));
		assertThat(spans).extracting(ZipkinServer.Span::traceId).containsOnly(traceId);
		assertThat(spans).filteredOn(span -> span.name().startsWith("paymentlisteners.on(paymentrequested)"))
			.as("a span for the listener of a module's own request event")
			.hasSize(1);
	}

	private static Set<String> modulesOf(List<ZipkinServer.Span> spans) {
		return spans.stream().map(ZipkinServer.Span::module).collect(Collectors.toSet());
	}

	private static Set<String> processesOf(List<ZipkinServer.Span> spans) {
		return spans.stream().map(ZipkinServer.Span::service).collect(Collectors.toSet());
	}

	@Test
	void declinedPaymentCancelsTheOrderAndReleasesItsStock() {
		var sku = productInStock("9.99", 4);
		var customer = anonymous.registeredCustomer("Charles Babbage");

		var orderId = customer.post("/orders", order(sku, 3, "tok_declined"), new HttpHeaders())
			.getBody()
			.get("id")
			.asString();

		var cancelled = awaitStatus(customer, orderId, "CANCELLED");
		assertThat(cancelled.get("cancellationReason").asString()).isEqualTo("PAYMENT_DECLINED");
		await("stock released").atMost(FLOW_TIMEOUT).untilAsserted(() -> assertStock(sku, 4, 0));
		await("notification").atMost(FLOW_TIMEOUT)
			.until(() -> kindsOf(customer.get("/customers/me/notifications").getBody(), orderId),
					kinds -> kinds.contains("CANCELLED"));
	}

	@Test
	void orderBeyondStockIsCancelledOutOfStockAndReservesNothing() {
		var sku = productInStock("5.00", 1);
		var customer = anonymous.registeredCustomer("Grace Hopper");

		var orderId = customer.post("/orders", order(sku, 2, "tok_visa"), new HttpHeaders())
			.getBody()
			.get("id")
			.asString();

		var cancelled = awaitStatus(customer, orderId, "CANCELLED");
		assertThat(cancelled.get("cancellationReason").asString()).isEqualTo("OUT_OF_STOCK");
		assertStock(sku, 1, 0);
	}

	@Test
	void customerCancelsAPaidOrderAndGetsStockBack() {
		var sku = productInStock("7.00", 3);
		var customer = anonymous.registeredCustomer("Alan Turing");
		var orderId = customer.post("/orders", order(sku, 1, "tok_visa"), new HttpHeaders())
			.getBody()
			.get("id")
			.asString();
		awaitStatus(customer, orderId, "PAID");

		var requested = customer.post("/orders/" + orderId + "/cancel", Map.of());

		// A paid order's parcel may be leaving: the cancellation waits for shipping's
		// answer.
		assertThat(requested.getStatusCode().value()).isEqualTo(202);
		assertThat(requested.getBody().get("status").asString()).isEqualTo("PAID");
		assertThat(requested.getBody().get("cancellationRequest").asString()).isEqualTo("PENDING");
		var cancelled = awaitStatus(customer, orderId, "CANCELLED");
		assertThat(cancelled.get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(cancelled.get("cancellationRequest").asString()).isEqualTo("ACCEPTED");
		await("stock released").atMost(FLOW_TIMEOUT).untilAsserted(() -> assertStock(sku, 3, 0));
		await("refunded").atMost(FLOW_TIMEOUT)
			.until(() -> customer.get("/payments?orderId=" + orderId).getBody(),
					body -> body.size() == 1 && "REFUNDED".equals(body.get(0).get("status").asString()));
		await("shipment cancelled").atMost(FLOW_TIMEOUT)
			.until(() -> customer.get("/shipments?orderId=" + orderId).getBody(),
					body -> body.size() == 0 || "CANCELLED".equals(body.get(0).get("status").asString()));
	}

	/**
	 * The cancel-versus-dispatch race, over HTTP as an attacker would run it: for each of
	 * {@code trials} paid orders, its customer's cancel and staff's dispatch are fired
	 * together, ten orders at a time. Each order must end cancelled, refunded and its
	 * shipment cancelled, or shipped with the cancellation refused and the customer told;
	 * never refunded and dispatched, and the stock adds up exactly. The time shipping
	 * takes to decide is measured on one more order first, and the dispatches are spread
	 * from 0 to twice that after the cancels, so that both outcomes occur.
	 */
	void cancelAndDispatchAtTheSameMoment(int trials) throws Exception {
		var received = trials + 5;
		var sku = productInStock("4.00", received);
		var customers = new ArrayList<ShopClient>();
		for (int i = 0; i < 5; i++) {
			customers.add(anonymous.registeredCustomer("Racer " + i));
		}
		var orders = new ArrayList<String>();
		for (int i = 0; i <= trials; i++) {
			orders.add(customers.get(i % customers.size())
				.post("/orders", order(sku, 1, "tok_visa"), new HttpHeaders())
				.getBody()
				.get("id")
				.asString());
		}
		var shipments = new ArrayList<String>();
		for (var orderId : orders) {
			shipments.add(await("shipment of " + orderId).atMost(FLOW_TIMEOUT)
				.until(() -> staff.get("/shipments?orderId=" + orderId).getBody(), body -> body.size() == 1)
				.get(0)
				.get("id")
				.asString());
		}
		var calibration = orders.remove(trials);
		shipments.remove(trials);
		var began = System.nanoTime();
		assertThat(customers.get(trials % customers.size())
			.post("/orders/" + calibration + "/cancel", Map.of())
			.getStatusCode()
			.value()).isEqualTo(202);
		await("calibration order's shipment cancelled").atMost(FLOW_TIMEOUT)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> staff.get("/shipments?orderId=" + calibration).getBody().get(0).get("status").asString(),
					"CANCELLED"::equals);
		// Across processes a cancellation travels by Kafka and a dispatch by HTTP, so the
		// cancellation's
		// round trip varies more: dispatches spread over eight of them, the early ones
		// beating it, the late ones not.
		var spread = Duration.ofNanos(System.nanoTime() - began).multipliedBy(8);

		var answers = new ArrayList<int[]>();
		var pool = Executors.newFixedThreadPool(20);
		try {
			for (int group = 0; group < trials; group += 10) {
				var futures = new ArrayList<List<Future<Integer>>>();
				for (int i = group; i < Math.min(group + 10, trials); i++) {
					var customer = customers.get(i % customers.size());
					var orderId = orders.get(i);
					var shipmentId = shipments.get(i);
					var delay = spread.multipliedBy(i).dividedBy(trials - 1);
					var trackingNumber = "TRK-" + i;
					var start = new CountDownLatch(1);
					var cancel = pool.submit(() -> {
						start.await();
						return customer.post("/orders/" + orderId + "/cancel", Map.of()).getStatusCode().value();
					});
					var dispatch = pool.submit(() -> {
						start.await();
						TimeUnit.MILLISECONDS.sleep(delay.toMillis());
						return staff
							.post("/shipments/" + shipmentId + "/dispatch", Map.of("trackingNumber", trackingNumber))
							.getStatusCode()
							.value();
					});
					start.countDown();
					futures.add(List.of(cancel, dispatch));
				}
				for (var pair : futures) {
					answers.add(
							new int[] { pair.get(0).get(60, TimeUnit.SECONDS), pair.get(1).get(60, TimeUnit.SECONDS) });
				}
			}
		}
		finally {
			pool.shutdownNow();
		}

		var shipped = 0;
		for (int i = 0; i < trials; i++) {
			var orderId = orders.get(i);
			var customer = customers.get(i % customers.size());
			var what = "order " + orderId + " (cancel answered " + answers.get(i)[0] + ", dispatch " + answers.get(i)[1]
					+ ")";
			var order = await(what + " settled").atMost(FLOW_TIMEOUT)
				.until(() -> customer.get("/orders/" + orderId).getBody(),
						body -> body.get("status").asString().equals("CANCELLED")
								|| (body.get("status").asString().equals("SHIPPED") && !isPending(body)));
			var payment = customer.get("/payments?orderId=" + orderId).getBody().get(0).get("status").asString();
			var shipment = staff.get("/shipments?orderId=" + orderId).getBody().get(0).get("status").asString();
			assertThat(payment.equals("REFUNDED") && shipment.equals("DISPATCHED"))
				.as("refunded and dispatched: " + what)
				.isFalse();
			if (order.get("status").asString().equals("CANCELLED")) {
				assertThat(answers.get(i)).as(what).containsExactly(202, 409);
				assertThat(order.get("cancellationRequest").asString()).as(what).isEqualTo("ACCEPTED");
				assertThat(shipment).as(what).isEqualTo("CANCELLED");
				await(what + " refunded").atMost(FLOW_TIMEOUT)
					.until(() -> customer.get("/payments?orderId=" + orderId).getBody().get(0).get("status").asString(),
							"REFUNDED"::equals);
			}
			else {
				shipped++;
				assertThat(answers.get(i)[1]).as(what).isEqualTo(200);
				assertThat(shipment).as(what).isEqualTo("DISPATCHED");
				assertThat(payment).as(what).isEqualTo("COMPLETED");
				if (answers.get(i)[0] == 202) {
					assertThat(order.get("cancellationRequest").asString()).as(what).isEqualTo("REFUSED");
					await(what + " told").atMost(FLOW_TIMEOUT)
						.until(() -> kindsOf(customer.get("/customers/me/notifications?size=100").getBody(), orderId),
								kinds -> kinds.contains("CANCELLATION_REFUSED"));
				}
				else {
					assertThat(answers.get(i)[0]).as(what + ": already known as shipped").isEqualTo(409);
				}
			}
		}
		await("calibration order released").atMost(FLOW_TIMEOUT)
			.until(() -> staff.get("/orders/" + calibration).getBody().get("status").asString(), "CANCELLED"::equals);
		var expectedOnHand = received - shipped;
		await("stock adds up").atMost(FLOW_TIMEOUT).untilAsserted(() -> assertStock(sku, expectedOnHand, 0));
		System.out.printf("cancel versus dispatch (%s): trials=%d shipped=%d cancelled=%d spread=%dms%n", baseUrl,
				trials, shipped, trials - shipped, spread.toMillis());
		assertThat(shipped).as("dispatches that won").isPositive();
		assertThat(trials - shipped).as("cancellations that won").isPositive();
	}

	@Test
	void fiftyConcurrentOrdersForTenInStockSellExactlyTen() throws Exception {
		var sku = productInStock("3.00", 10);
		var customers = List.of(anonymous.registeredCustomer("Buyer One"), anonymous.registeredCustomer("Buyer Two"),
				anonymous.registeredCustomer("Buyer Three"), anonymous.registeredCustomer("Buyer Four"),
				anonymous.registeredCustomer("Buyer Five"));
		var orders = new ArrayList<Callable<ResponseEntity<JsonNode>>>();
		for (int i = 0; i < 50; i++) {
			var customer = customers.get(i % customers.size());
			orders.add(() -> customer.post("/orders", order(sku, 1, "tok_visa"), new HttpHeaders()));
		}

		List<String> ids = new ArrayList<>();
		var pool = Executors.newFixedThreadPool(16);
		try {
			for (var answer : pool.invokeAll(orders)) {
				assertThat(answer.get().getStatusCode().value()).isEqualTo(201);
				ids.add(answer.get().getBody().get("id").asString());
			}
		}
		finally {
			pool.shutdownNow();
		}

		var finalStatuses = await("every order settled").atMost(Duration.ofSeconds(120))
			.until(() -> ids.stream().map(id -> staff.get("/orders/" + id).getBody().get("status").asString()).toList(),
					statuses -> statuses.stream()
						.allMatch(status -> status.equals("PAID") || status.equals("CANCELLED")));
		assertThat(finalStatuses.stream().filter("PAID"::equals)).hasSize(10);
		assertThat(finalStatuses.stream().filter("CANCELLED"::equals)).hasSize(40);
		assertStock(sku, 10, 10);
	}

	@Test
	void badRequestsGetProblemDetailsAndChangeNothing() {
		var sku = productInStock("1.00", 2);
		var customer = anonymous.registeredCustomer("Eve Mallory");
		var other = anonymous.registeredCustomer("Bob Builder");

		var unknownSku = customer.post("/orders", order("NO-SUCH-SKU", 1, "tok_visa"), new HttpHeaders());
		assertThat(unknownSku.getStatusCode().value()).isEqualTo(422);
		assertThat(unknownSku.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(unknownSku.getBody().get("detail").asString()).contains("NO-SUCH-SKU");

		assertThat(customer.post("/orders", order(sku, 0, "tok_visa"), new HttpHeaders()).getStatusCode().value())
			.isEqualTo(422);
		assertThat(customer.postRaw("/orders", "{\"lines\": [").getStatusCode().value()).isEqualTo(400);
		assertThat(anonymous.post("/orders", order(sku, 1, "tok_visa")).getStatusCode().value()).isEqualTo(401);
		assertThat(customer.get("/orders/not-a-uuid").getStatusCode().value()).isEqualTo(400);

		var orderId = customer.post("/orders", order(sku, 1, "tok_visa"), new HttpHeaders())
			.getBody()
			.get("id")
			.asString();
		var peek = other.get("/orders/" + orderId);
		assertThat(peek.getStatusCode().value()).as("another customer's order does not exist for them").isEqualTo(404);
		assertThat(peek.getBody().get("type").asString()).startsWith("https://emporium.dev/problems/");
		assertThat(staff.get("/orders/" + orderId).getStatusCode().value()).isEqualTo(200);
	}

	ShopClient anonymous() {
		return anonymous;
	}

	ShopClient staff() {
		return staff;
	}

	String productInStock(String price, int quantity) {
		var sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		var created = staff.post("/products", Map.of("sku", sku, "name", "Test product " + sku, "description",
				"Made by the end-to-end test", "price", Map.of("amount", price, "currency", "EUR")));
		assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
		var restocked = staff.post("/inventory/" + sku + "/restock", Map.of("quantity", quantity));
		assertThat(restocked.getStatusCode().value()).as(restocked.toString()).isEqualTo(200);
		return sku;
	}

	private void assertStock(String sku, int onHand, int reserved) {
		var stock = staff.get("/inventory/" + sku).getBody();
		assertThat(stock.get("onHand").asInt()).as("on hand of " + sku).isEqualTo(onHand);
		assertThat(stock.get("reserved").asInt()).as("reserved of " + sku).isEqualTo(reserved);
		assertThat(stock.get("available").asInt()).as("available of " + sku).isEqualTo(onHand - reserved);
	}

	static JsonNode awaitStatus(ShopClient client, String orderId, String status) {
		return await("order " + orderId + " " + status).atMost(FLOW_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> client.get("/orders/" + orderId).getBody(),
					order -> status.equals(order.get("status").asString()));
	}

	private static boolean isPending(JsonNode order) {
		return order.hasNonNull("cancellationRequest") && order.get("cancellationRequest").asString().equals("PENDING");
	}

	private static List<String> kindsOf(JsonNode notifications, String orderId) {
		var items = notifications.has("content") ? notifications.get("content") : notifications;
		var kinds = new ArrayList<String>();
		items.forEach(item -> {
			if (orderId.equals(item.get("orderId").asString())) {
				kinds.add(item.get("kind").asString());
			}
		});
		return kinds;
	}

	static Map<String, Object> order(String sku, int quantity, String paymentToken) {
		return Map.of("lines", List.of(Map.of("sku", sku, "quantity", quantity)), "shippingAddress", Map.of("name",
				"Ada Lovelace", "line1", "12 Analytical St", "city", "London", "postalCode", "N1 7AA", "country", "GB"),
				"paymentToken", paymentToken);
	}

}
