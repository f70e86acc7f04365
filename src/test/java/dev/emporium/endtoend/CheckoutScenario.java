package dev.emporium.endtoend;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
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

		var cancelled = customer.post("/orders/" + orderId + "/cancel", Map.of());

		assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
		assertThat(cancelled.getBody().get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
		await("stock released").atMost(FLOW_TIMEOUT).untilAsserted(() -> assertStock(sku, 3, 0));
		await("shipment cancelled").atMost(FLOW_TIMEOUT)
			.until(() -> customer.get("/shipments?orderId=" + orderId).getBody(),
					body -> body.size() == 0 || "CANCELLED".equals(body.get(0).get("status").asString()));
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
