package dev.emporium.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.emporium.endtoend.ShopClient;

/**
 * Customers placing orders without pause, each with its own Idempotency-Key, and staff
 * dispatching and delivering some of them, while the application may die at any moment. A
 * request that gets no answer is repeated, with the same key, until it gets one: that is
 * how a client learns whether an order it sent before a crash exists.
 */
final class OrderLoad {

	/** What the test does with an order once it is accepted. */
	enum Plan {

		KEEP, CANCEL, DISPATCH, DELIVER

	}

	/**
	 * An accepted order: its key, its id, and whether its first request went unanswered.
	 */
	record Accepted(String key, String orderId, Plan plan, boolean ambiguous, boolean replayed) {
	}

	private static final Duration GIVE_UP = Duration.ofMinutes(3);

	private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

	private final List<String> skus;

	private final ShopClient staff;

	private final Duration thinkTime;

	private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

	private final Queue<String> toShip = new ConcurrentLinkedQueue<>();

	private final Map<String, Plan> plans = new ConcurrentHashMap<>();

	private final List<String> unexpected = new CopyOnWriteArrayList<>();

	private final AtomicInteger unanswered = new AtomicInteger();

	/**
	 * Of the unanswered, those refused with 503, Retry-After and a problem: held traffic.
	 */
	private final AtomicInteger refused = new AtomicInteger();

	/** Of the unanswered, the 5xx answers that were not such a refusal. */
	private final AtomicInteger otherwiseFailed = new AtomicInteger();

	/** Of the unanswered, those that got no answer at all, by exception. */
	private final Map<String, AtomicInteger> noAnswer = new ConcurrentHashMap<>();

	/** The first unanswered requests, when and why, for the report. */
	private final Queue<String> failures = new ConcurrentLinkedQueue<>();

	private final AtomicInteger cancels = new AtomicInteger();

	private final AtomicInteger dispatches = new AtomicInteger();

	private final AtomicInteger deliveries = new AtomicInteger();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running = true;

	OrderLoad(List<String> skus, ShopClient staff) {
		this(skus, staff, Duration.ZERO);
	}

	/**
	 * With a pause after each order, for a load that leaves the machine room to start
	 * processes.
	 */
	OrderLoad(List<String> skus, ShopClient staff, Duration thinkTime) {
		this.skus = List.copyOf(skus);
		this.staff = staff;
		this.thinkTime = thinkTime;
	}

	/**
	 * New products, each with the quantity in stock, made by staff over the API: what the
	 * load orders. Returns what each SKU received, for the audit.
	 */
	static Map<String, Integer> productsInStock(ShopClient staff, String skuPrefix, int products, int quantity) {
		var received = new TreeMap<String, Integer>();
		for (int i = 0; i < products; i++) {
			received.put(productInStock(staff, skuPrefix, quantity), quantity);
		}
		return received;
	}

	static String productInStock(ShopClient staff, String skuPrefix, int quantity) {
		var sku = skuPrefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		var created = staff.post("/products", Map.of("sku", sku, "name", "Fault test product " + sku, "description",
				"Made by a fault test", "price", Map.of("amount", "4.20", "currency", "EUR")));
		if (created.getStatusCode().value() != 201) {
			throw new IllegalStateException("Creating " + sku + " answered " + created);
		}
		restock(staff, sku, quantity);
		return sku;
	}

	/** Restocks every SKU received so far by the quantity, and counts it in. */
	static void restockAll(ShopClient staff, Map<String, Integer> received, int quantity) {
		for (var sku : received.keySet()) {
			restock(staff, sku, quantity);
			received.merge(sku, quantity, Integer::sum);
		}
	}

	private static void restock(ShopClient staff, String sku, int quantity) {
		var restocked = staff.post("/inventory/" + sku + "/restock", Map.of("quantity", quantity));
		if (restocked.getStatusCode().value() != 200) {
			throw new IllegalStateException("Restocking " + sku + " answered " + restocked);
		}
	}

	/** Customers registered over the API, for {@link #start}. */
	static List<ShopClient> customers(ShopClient anonymous, int count) {
		var customers = new ArrayList<ShopClient>();
		for (int i = 0; i < count; i++) {
			customers.add(anonymous.registeredCustomer("Customer " + i));
		}
		return customers;
	}

	void start(Collection<ShopClient> customers) {
		customers.forEach(customer -> threads.add(new Thread(() -> shop(customer), "customer")));
		threads.add(new Thread(this::work, "staff"));
		// Daemons: a test that fails half-way must not be kept alive by its load.
		threads.forEach(thread -> thread.setDaemon(true));
		threads.forEach(Thread::start);
	}

	/**
	 * Stops placing new orders and waits until every request under way got its answer.
	 */
	void stop() throws InterruptedException {
		running = false;
		for (var thread : threads) {
			thread.join(GIVE_UP.toMillis());
		}
	}

	Collection<Accepted> accepted() {
		return accepted.values();
	}

	List<String> unexpected() {
		return unexpected;
	}

	int unanswered() {
		return unanswered.get();
	}

	int refused() {
		return refused.get();
	}

	int otherwiseFailed() {
		return otherwiseFailed.get();
	}

	/**
	 * The requests that got no answer (and were repeated), by the exception the client
	 * saw.
	 */
	Map<String, Integer> noAnswer() {
		var counts = new java.util.TreeMap<String, Integer>();
		noAnswer.forEach((kind, count) -> counts.put(kind, count.get()));
		return counts;
	}

	List<String> failures() {
		return List.copyOf(failures);
	}

	int cancels() {
		return cancels.get();
	}

	int dispatches() {
		return dispatches.get();
	}

	int deliveries() {
		return deliveries.get();
	}

	private void shop(ShopClient customer) {
		Queue<String> toCancel = new ArrayDeque<>();
		var random = ThreadLocalRandom.current();
		while (running) {
			var key = UUID.randomUUID().toString();
			var plan = Plan.values()[random.nextInt(Plan.values().length)];
			var body = randomOrder(random);
			var headers = new HttpHeaders();
			headers.set("Idempotency-Key", key);
			var tries = new AtomicInteger();
			var answer = untilAnswered(() -> customer.post("/orders", body, headers), tries);
			if (answer == null || answer.getStatusCode().value() != 201) {
				unexpected.add("order " + key + " answered " + answer);
				continue;
			}
			var orderId = answer.getBody().get("id").asString();
			var replayed = "true".equals(answer.getHeaders().getFirst("Idempotent-Replayed"));
			var previous = accepted.putIfAbsent(key, new Accepted(key, orderId, plan, tries.get() > 1, replayed));
			if (previous != null) {
				unexpected.add("key " + key + " used twice by the test");
			}
			plans.put(orderId, plan);
			switch (plan) {
				case CANCEL -> toCancel.add(orderId);
				case DISPATCH, DELIVER -> toShip.add(orderId);
				case KEEP -> {
				}
			}
			// Cancel at varying distances from placing: PLACED, RESERVED or PAID.
			if (!toCancel.isEmpty() && random.nextInt(3) == 0) {
				cancel(customer, toCancel.poll());
			}
			if (!thinkTime.isZero()) {
				pause(thinkTime);
			}
		}
		toCancel.forEach(orderId -> cancel(customer, orderId));
	}

	private void cancel(ShopClient customer, String orderId) {
		var answer = untilAnswered(() -> customer.post("/orders/" + orderId + "/cancel", Map.of()),
				new AtomicInteger());
		var status = answer == null ? -1 : answer.getStatusCode().value();
		// 202: a paid order's cancellation waits for shipping's answer. 409: the order
		// was
		// cancelled already (declined, out of stock, or our own request before a crash).
		if (status != 200 && status != 202 && status != 409) {
			unexpected.add("cancel of " + orderId + " answered " + answer);
		}
		cancels.incrementAndGet();
	}

	private void work() {
		// Whatever is not dispatched when the load stops stays PAID with a pending
		// shipment.
		while (running) {
			var orderId = toShip.poll();
			if (orderId == null) {
				pause(Duration.ofMillis(100));
				continue;
			}
			try {
				if (!advance(orderId)) {
					toShip.add(orderId);
					pause(Duration.ofMillis(20));
				}
			}
			catch (RuntimeException ex) {
				failed("staff on " + orderId + ": " + ex);
				toShip.add(orderId);
				pause(RETRY_PAUSE);
			}
		}
	}

	/**
	 * Takes the order one step along its plan; true once there is nothing more to do.
	 */
	private boolean advance(String orderId) {
		var status = staff.get("/orders/" + orderId).getBody().get("status").asString();
		if (status.equals("CANCELLED") || status.equals("DELIVERED")
				|| (status.equals("SHIPPED") && plans.get(orderId) == Plan.DISPATCH)) {
			return true;
		}
		if (!status.equals("PAID") && !status.equals("SHIPPED")) {
			return false;
		}
		var shipments = staff.get("/shipments?orderId=" + orderId).getBody();
		if (shipments == null || shipments.size() != 1) {
			return false;
		}
		var shipment = shipments.get(0);
		var shipmentId = shipment.get("id").asString();
		switch (shipment.get("status").asString()) {
			case "PENDING" -> {
				var answer = staff.post("/shipments/" + shipmentId + "/dispatch",
						Map.of("trackingNumber", "TRK-" + orderId.substring(0, 8)));
				expect(answer, "dispatch of " + orderId);
				if (answer.getStatusCode().value() == 200) {
					dispatches.incrementAndGet();
				}
			}
			case "DISPATCHED" -> {
				if (plans.get(orderId) == Plan.DELIVER) {
					var answer = staff.post("/shipments/" + shipmentId + "/deliver", Map.of());
					expect(answer, "delivery of " + orderId);
					if (answer.getStatusCode().value() == 200) {
						deliveries.incrementAndGet();
					}
				}
			}
			default -> {
			}
		}
		return false;
	}

	private void expect(ResponseEntity<JsonNode> answer, String what) {
		var status = answer.getStatusCode().value();
		if (status >= 500) {
			throw new IllegalStateException(what + " answered " + status);
		}
		// 409: done before a crash already.
		if (status != 200 && status != 409) {
			unexpected.add(what + " answered " + answer);
		}
	}

	/**
	 * Repeats a request while the application is down or dying; an answer of 5xx is no
	 * answer either (a request cut off by a dying database).
	 */
	private ResponseEntity<JsonNode> untilAnswered(Supplier<ResponseEntity<JsonNode>> request, AtomicInteger tries) {
		var deadline = Instant.now().plus(GIVE_UP);
		while (Instant.now().isBefore(deadline)) {
			tries.incrementAndGet();
			try {
				var answer = request.get();
				if (answer.getStatusCode().value() < 500) {
					return answer;
				}
				if (isRefusal(answer)) {
					refused.incrementAndGet();
				}
				else {
					otherwiseFailed.incrementAndGet();
				}
				failed("answered " + answer.getStatusCode() + " " + answer.getHeaders().getContentType());
			}
			catch (RuntimeException ex) {
				// no answer: connection refused, reset or timed out
				var cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(ex);
				noAnswer.computeIfAbsent(cause.getClass().getSimpleName(), kind -> new AtomicInteger())
					.incrementAndGet();
				failed(ex.toString());
			}
			pause(RETRY_PAUSE);
		}
		return null;
	}

	private static boolean isRefusal(ResponseEntity<JsonNode> answer) {
		return answer.getStatusCode().value() == 503 && answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER) != null
				&& MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(answer.getHeaders().getContentType());
	}

	private void failed(String why) {
		unanswered.incrementAndGet();
		if (failures.size() < 20) {
			failures.add(Instant.now() + " " + why);
		}
	}

	private Map<String, Object> randomOrder(ThreadLocalRandom random) {
		var first = random.nextInt(skus.size());
		var lines = new ArrayList<Map<String, Object>>();
		// One order in ten asks for more than there ever is: a shortage.
		var quantity = random.nextInt(10) == 0 ? 900 : 1 + random.nextInt(3);
		lines.add(Map.of("sku", skus.get(first), "quantity", quantity));
		if (random.nextBoolean()) {
			lines.add(Map.of("sku", skus.get((first + 1 + random.nextInt(skus.size() - 1)) % skus.size()), "quantity",
					1 + random.nextInt(2)));
		}
		// One in four is declined by the sandbox gateway.
		var token = random.nextInt(4) == 0 ? "tok_declined" : "tok_visa";
		return Map.of("lines", lines, "shippingAddress", Map.of("name", "Fault Tester", "line1", "1 Crash Lane", "city",
				"Berlin", "postalCode", "10115", "country", "DE"), "paymentToken", token);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
