package dev.emporium.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the shop's books in its databases against the orders the load got accepted:
 * every order is there and settled, stock adds up, and nothing was charged, refunded,
 * shipped or notified twice. Reads every module's schema, which only a test may do: all
 * in one database, or each in its service's own.
 */
final class ShopAudit {

	private static final Set<String> OPEN = Set.of("RESERVED", "PAID");

	private static final Set<String> PAID_OR_LATER = Set.of("PAID", "SHIPPED", "DELIVERED");

	private static final Set<String> SHIPPED_OR_LATER = Set.of("SHIPPED", "DELIVERED");

	private static final List<String> AUDITED = List.of("orders", "inventory", "payments", "shipping", "notifications");

	private final Map<String, JdbcClient> schemas;

	private final List<JdbcClient> registries;

	private final Map<String, Integer> stockReceived;

	/** The books of one database, which holds every module's schema. */
	ShopAudit(JdbcClient jdbc, Map<String, Integer> stockReceived) {
		this(AUDITED.stream().collect(Collectors.toMap(schema -> schema, schema -> jdbc)), List.of(jdbc),
				stockReceived);
	}

	/**
	 * The books of several databases: the one of each module's schema, and every one with
	 * an event publication registry (an outbox).
	 */
	ShopAudit(Map<String, JdbcClient> schemas, List<JdbcClient> registries, Map<String, Integer> stockReceived) {
		this.schemas = Map.copyOf(schemas);
		this.registries = List.copyOf(registries);
		this.stockReceived = stockReceived;
	}

	Findings audit(Collection<OrderLoad.Accepted> accepted) {
		var findings = new Findings();
		var statuses = orders(accepted, findings);
		stock(findings);
		reservations(statuses, findings);
		charges(statuses, findings);
		shipments(statuses, findings);
		notifications(statuses, findings);
		findings.openPublications = registries.stream()
			.mapToInt(jdbc -> jdbc.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
				.query(Integer.class)
				.single())
			.sum();
		return findings;
	}

	/**
	 * Audits again each second until the books are clean or the time is up, since the
	 * last flows may still be under way; returns the last findings.
	 */
	Findings settled(Collection<OrderLoad.Accepted> accepted, Duration timeout) throws InterruptedException {
		var deadline = Instant.now().plus(timeout);
		var findings = audit(accepted);
		while (!findings.clean() && Instant.now().isBefore(deadline)) {
			Thread.sleep(1_000);
			findings = audit(accepted);
		}
		return findings;
	}

	/**
	 * Those of the given orders whose checkout is done: PAID or later with a shipment and
	 * a confirmation, or CANCELLED with a reason and a notification of it. What staff and
	 * customers do next (dispatch, deliver, cancel) is left to {@link #audit}: while the
	 * load goes on, some of it is always under way.
	 */
	Set<String> checkedOut(Collection<String> orderIds) {
		var wanted = new HashSet<>(orderIds);
		var statuses = new HashMap<String, String>();
		jdbc("orders").sql("SELECT id, status, cancellation_reason FROM orders.orders").query(row -> {
			var id = row.getString("id");
			var status = row.getString("status");
			if (wanted.contains(id) && (PAID_OR_LATER.contains(status)
					|| (status.equals("CANCELLED") && row.getString("cancellation_reason") != null))) {
				statuses.put(id, status);
			}
		});
		var shipped = new HashSet<String>();
		jdbc("shipping").sql("SELECT order_id FROM shipping.shipment").query(row -> {
			shipped.add(row.getString("order_id"));
		});
		var notified = new HashMap<String, Set<String>>();
		jdbc("notifications").sql("SELECT order_id, kind FROM notifications.notification").query(row -> {
			notified.computeIfAbsent(row.getString("order_id"), id -> new HashSet<>()).add(row.getString("kind"));
		});
		var done = new HashSet<String>();
		statuses.forEach((id, status) -> {
			var kinds = notified.getOrDefault(id, Set.of());
			if (status.equals("CANCELLED") ? kinds.contains("CANCELLED")
					: shipped.contains(id) && kinds.contains("CONFIRMED")) {
				done.add(id);
			}
		});
		return done;
	}

	private JdbcClient jdbc(String schema) {
		return schemas.get(schema);
	}

	private Map<String, String> orders(Collection<OrderLoad.Accepted> accepted, Findings findings) {
		var statuses = new HashMap<String, String>();
		jdbc("orders").sql("SELECT id, status, cancellation_reason FROM orders.orders").query(row -> {
			var id = row.getString("id");
			var status = row.getString("status");
			statuses.put(id, status);
			findings.ordersByStatus.merge(status, 1, Integer::sum);
			if (status.equals("PLACED") || status.equals("RESERVED")) {
				findings.stuck.add("order " + id + " is " + status);
			}
			if (status.equals("CANCELLED") && row.getString("cancellation_reason") == null) {
				findings.stuck.add("order " + id + " is CANCELLED without a reason");
			}
		});
		var acceptedIds = new HashSet<String>();
		accepted.forEach(order -> {
			acceptedIds.add(order.orderId());
			if (!statuses.containsKey(order.orderId())) {
				findings.lost.add("order " + order.orderId() + " (key " + order.key() + ") is not in the database");
			}
		});
		statuses.keySet()
			.stream()
			.filter(id -> !acceptedIds.contains(id))
			.forEach(id -> findings.doubleEffects.add("order " + id + " exists but no request got it as its answer"));
		return statuses;
	}

	private void stock(Findings findings) {
		var shipped = quantitiesByStatus(SHIPPED_OR_LATER);
		var open = quantitiesByStatus(OPEN);
		var reservedLines = new HashMap<String, Integer>();
		jdbc("inventory").sql("""
				SELECT l.sku, sum(l.quantity) AS quantity FROM inventory.reservation r
				JOIN inventory.reservation_line l ON l.reservation_id = r.id
				WHERE r.status = 'RESERVED' GROUP BY l.sku""").query(row -> {
			reservedLines.put(row.getString("sku"), row.getInt("quantity"));
		});
		var seen = new HashSet<String>();
		jdbc("inventory").sql("SELECT sku, on_hand, reserved FROM inventory.stock").query(row -> {
			var sku = row.getString("sku");
			seen.add(sku);
			var onHand = row.getInt("on_hand");
			var reserved = row.getInt("reserved");
			var expectedOnHand = stockReceived.getOrDefault(sku, 0) - shipped.getOrDefault(sku, 0);
			if (onHand != expectedOnHand) {
				findings.stockMismatches.add("%s on hand %d, expected %d received - %d shipped".formatted(sku, onHand,
						stockReceived.getOrDefault(sku, 0), shipped.getOrDefault(sku, 0)));
			}
			if (reserved != open.getOrDefault(sku, 0) || reserved != reservedLines.getOrDefault(sku, 0)) {
				findings.stockMismatches.add("%s reserved %d, open orders hold %d, open reservations %d".formatted(sku,
						reserved, open.getOrDefault(sku, 0), reservedLines.getOrDefault(sku, 0)));
			}
			if (onHand - reserved < 0) {
				findings.stockMismatches.add(sku + " has negative availability " + (onHand - reserved));
			}
		});
		stockReceived.keySet()
			.stream()
			.filter(sku -> !seen.contains(sku))
			.forEach(sku -> findings.stockMismatches.add(sku + " has no stock row"));
	}

	private void reservations(Map<String, String> statuses, Findings findings) {
		var reservations = new HashMap<String, String>();
		jdbc("inventory").sql("SELECT order_id, status FROM inventory.reservation").query(row -> {
			reservations.put(row.getString("order_id"), row.getString("status"));
		});
		statuses.forEach((orderId, status) -> {
			var reservation = reservations.get(orderId);
			var expected = OPEN.contains(status) ? "RESERVED" : SHIPPED_OR_LATER.contains(status) ? "COMMITTED" : null;
			if (expected != null && !expected.equals(reservation)) {
				findings.stockMismatches
					.add("order " + orderId + " is " + status + " but its reservation is " + reservation);
			}
			if (expected == null && "RESERVED".equals(reservation)) {
				findings.stockMismatches.add("order " + orderId + " is " + status + " but still holds stock");
			}
		});
	}

	private void charges(Map<String, String> statuses, Findings findings) {
		var charged = new HashSet<String>();
		jdbc("payments").sql("""
				SELECT idempotency_key, count(*) AS charges, count(*) FILTER (WHERE approved) AS approved,
				       count(refunded_at) AS refunds
				FROM payments.sandbox_charge GROUP BY idempotency_key""").query(row -> {
			var orderId = row.getString("idempotency_key");
			var status = statuses.get(orderId);
			if (row.getInt("charges") > 1) {
				findings.doubleEffects.add("order " + orderId + " charged " + row.getInt("charges") + " times");
			}
			if (row.getInt("approved") == 0) {
				return;
			}
			charged.add(orderId);
			var refunded = row.getInt("refunds") > 0;
			if (status == null) {
				findings.doubleEffects.add("charge for unknown order " + orderId);
			}
			else if (refunded && !status.equals("CANCELLED")) {
				findings.doubleEffects.add("order " + orderId + " is " + status + " but its charge was refunded");
			}
			else if (!refunded && !PAID_OR_LATER.contains(status)) {
				findings.stuck.add("order " + orderId + " is " + status + " but its charge was not refunded");
			}
		});
		statuses.forEach((orderId, status) -> {
			if (PAID_OR_LATER.contains(status) && !charged.contains(orderId)) {
				findings.stuck.add("order " + orderId + " is " + status + " without an approved charge");
			}
		});
		jdbc("payments").sql("SELECT order_id FROM payments.payment GROUP BY order_id HAVING count(*) > 1")
			.query(row -> {
				findings.doubleEffects.add("order " + row.getString("order_id") + " has several payments");
			});
	}

	private void shipments(Map<String, String> statuses, Findings findings) {
		var shipments = new HashMap<String, String>();
		jdbc("shipping").sql("SELECT order_id, status FROM shipping.shipment").query(row -> {
			if (shipments.put(row.getString("order_id"), row.getString("status")) != null) {
				findings.doubleEffects.add("order " + row.getString("order_id") + " has several shipments");
			}
		});
		var expectedShipment = Map.of("PAID", "PENDING", "SHIPPED", "DISPATCHED", "DELIVERED", "DELIVERED");
		statuses.forEach((orderId, status) -> {
			var shipment = shipments.get(orderId);
			var expected = expectedShipment.get(status);
			var consistent = (expected != null) ? expected.equals(shipment)
					: shipment == null || (status.equals("CANCELLED") && shipment.equals("CANCELLED"));
			if (!consistent) {
				findings.stuck.add("order " + orderId + " is " + status + " but its shipment is " + shipment);
			}
		});
	}

	private void notifications(Map<String, String> statuses, Findings findings) {
		var sent = new HashMap<String, Set<String>>();
		jdbc("notifications").sql("SELECT order_id, kind FROM notifications.notification").query(row -> {
			if (!sent.computeIfAbsent(row.getString("order_id"), id -> new HashSet<>()).add(row.getString("kind"))) {
				findings.doubleEffects
					.add("order " + row.getString("order_id") + " notified twice of " + row.getString("kind"));
			}
		});
		statuses.forEach((orderId, status) -> {
			var kinds = sent.getOrDefault(orderId, Set.of());
			var expected = new HashSet<String>();
			if (PAID_OR_LATER.contains(status)) {
				expected.add("CONFIRMED");
			}
			if (SHIPPED_OR_LATER.contains(status)) {
				expected.add("SHIPPED");
			}
			if (Objects.equals(status, "DELIVERED")) {
				expected.add("DELIVERED");
			}
			if (Objects.equals(status, "CANCELLED")) {
				expected.add("CANCELLED");
			}
			if (!kinds.containsAll(expected)) {
				findings.stuck.add("order " + orderId + " is " + status + " but was notified of " + kinds);
			}
		});
	}

	private Map<String, Integer> quantitiesByStatus(Set<String> statuses) {
		var quantities = new HashMap<String, Integer>();
		jdbc("orders").sql("""
				SELECT l.sku, sum(l.quantity) AS quantity FROM orders.orders o
				JOIN orders.order_line l ON l.order_id = o.id
				WHERE o.status IN (:statuses) GROUP BY l.sku""").param("statuses", statuses).query(row -> {
			quantities.put(row.getString("sku"), row.getInt("quantity"));
		});
		return quantities;
	}

}
