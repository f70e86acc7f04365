package dev.emporium.orders;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import dev.emporium.catalog.Catalog;
import dev.emporium.catalog.ProductSummary;
import dev.emporium.inventory.StockReleaseRequested;
import dev.emporium.inventory.StockReservationRequested;
import dev.emporium.payments.RefundRequested;
import dev.emporium.shared.Address;
import dev.emporium.shared.Caller;
import dev.emporium.shipping.ShipmentCancellationRequested;

/**
 * Places, finds and cancels orders. Placing is not one transaction: prices come from the
 * catalog first, then the order is saved and announced in a transaction of its own.
 */
@Service
class OrderManagement {

	private static final Pattern VALID_KEY = Pattern.compile("\\p{Print}{1,255}");

	private final Orders orders;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final OrderMetrics metrics;

	OrderManagement(Orders orders, Catalog catalog, ApplicationEventPublisher events,
			TransactionOperations transactions, OrderMetrics metrics) {
		this.orders = orders;
		this.catalog = catalog;
		this.events = events;
		this.transactions = transactions;
		this.metrics = metrics;
	}

	/**
	 * Places an order, or answers the one placed earlier with the same idempotency key.
	 */
	Placement place(UUID customerId, List<RequestedLine> lines, Address address, String paymentToken,
			String idempotencyKey) {
		requireValidKey(idempotencyKey);
		var fingerprint = RequestFingerprint.of(lines, address, paymentToken);
		var earlier = replay(customerId, idempotencyKey, fingerprint);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		var order = Order.place(customerId, price(lines), address, paymentToken, idempotencyKey, fingerprint);
		try {
			return new Placement(transactions.execute(status -> announce(orders.save(order))), false);
		}
		catch (DataAccessException ex) {
			// A concurrent request with the same key won the unique index.
			if (idempotencyKey == null || !isDuplicateKey(ex)) {
				throw ex;
			}
			return replay(customerId, idempotencyKey, fingerprint).orElseThrow(() -> ex);
		}
	}

	@Transactional(readOnly = true)
	Order find(UUID orderId, Caller caller) {
		return orders.findById(orderId)
			.filter(order -> caller.isOwnerOrStaff(order.customerId()))
			.orElseThrow(() -> new OrderNotFoundException(orderId));
	}

	@Transactional(readOnly = true)
	Page<Order> find(Caller caller, OrderStatus status, Pageable pageable) {
		if (caller.staff()) {
			return status == null ? orders.findAll(pageable) : orders.findByStatus(status, pageable);
		}
		return status == null ? orders.findByCustomerId(caller.customerId(), pageable)
				: orders.findByCustomerIdAndStatus(caller.customerId(), status, pageable);
	}

	/** How many orders stand at each status, every status included. */
	@Transactional(readOnly = true)
	Map<OrderStatus, Long> countByStatus() {
		var counts = new EnumMap<OrderStatus, Long>(OrderStatus.class);
		for (var status : OrderStatus.values()) {
			counts.put(status, orders.countByStatus(status));
		}
		return counts;
	}

	/**
	 * Cancels an order on its customer's (or staff's) request and asks the other modules
	 * to undo what they did for it; a paid order is only asked for, since its parcel may
	 * be leaving right now: shipping accepts or refuses (docs/architecture.md,
	 * "Cancelling a paid order").
	 */
	@Transactional
	Order cancel(UUID orderId, Caller caller) {
		var order = orders.findLockedById(orderId)
			.filter(candidate -> caller.isOwnerOrStaff(candidate.customerId()))
			.orElseThrow(() -> new OrderNotFoundException(orderId));
		var previous = order.status();
		var newlyPending = order.cancelOnRequest();
		if (order.isCancellationPending()) {
			if (newlyPending) {
				orders.saveState(order);
				events.publishEvent(new ShipmentCancellationRequested(orderId));
			}
			return order;
		}
		var saved = orders.save(order);
		metrics.cancelled(CancellationReason.CUSTOMER_REQUEST);
		events
			.publishEvent(new OrderCancelled(orderId, order.customerId(), CancellationReason.CUSTOMER_REQUEST.name()));
		events.publishEvent(new StockReleaseRequested(orderId));
		if (previous == OrderStatus.RESERVED) {
			events.publishEvent(new RefundRequested(orderId));
		}
		return saved;
	}

	private static void requireValidKey(String idempotencyKey) {
		if (idempotencyKey != null && !VALID_KEY.matcher(idempotencyKey).matches()) {
			throw new OrderRejectedException("invalid-idempotency-key", "Invalid Idempotency-Key",
					"An Idempotency-Key has 1 to 255 printable ASCII characters");
		}
	}

	private Optional<Placement> replay(UUID customerId, String idempotencyKey, String fingerprint) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		return orders.findByCustomerIdAndIdempotencyKey(customerId, idempotencyKey).map(order -> {
			if (!order.wasPlacedWith(fingerprint)) {
				throw new IdempotencyKeyReusedException(idempotencyKey);
			}
			return new Placement(order, true);
		});
	}

	private List<OrderLine> price(List<RequestedLine> lines) {
		var skus = lines.stream().map(RequestedLine::sku).distinct().toList();
		var products = catalog.findProducts(skus)
			.stream()
			.collect(Collectors.toMap(ProductSummary::sku, Function.identity(), (first, second) -> first));
		var unknown = skus.stream().filter(sku -> !products.containsKey(sku)).toList();
		if (!unknown.isEmpty()) {
			throw new UnknownSkusException(unknown);
		}
		var priced = new ArrayList<OrderLine>();
		for (var line : lines) {
			var product = products.get(line.sku());
			priced.add(new OrderLine(line.sku(), product.name(), line.quantity(), product.price()));
		}
		return priced;
	}

	private static boolean isDuplicateKey(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DuplicateKeyException) {
				return true;
			}
		}
		return false;
	}

	private Order announce(Order order) {
		var placedLines = order.lines()
			.stream()
			.map(line -> new OrderPlaced.Line(line.sku(), line.quantity(), line.unitPrice()))
			.toList();
		var reservationLines = order.lines()
			.stream()
			.map(line -> new StockReservationRequested.Line(line.sku(), line.quantity()))
			.toList();
		events.publishEvent(new OrderPlaced(order.id(), order.customerId(), placedLines, order.total()));
		events.publishEvent(new StockReservationRequested(order.id(), reservationLines));
		metrics.placed();
		return order;
	}

	/**
	 * The order a placement request answers with, and whether it was placed by an earlier
	 * request with the same idempotency key.
	 */
	record Placement(Order order, boolean replayed) {
	}

}
