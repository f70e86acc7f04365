package dev.emporium.orders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.emporium.shared.Address;
import dev.emporium.shared.Money;

/**
 * A customer's order and where it stands in the checkout; every change of status goes
 * through one of its behaviour methods.
 */
@Table(schema = "orders", name = "orders")
class Order {

	static final int MAX_LINES = 100;

	private static final EnumSet<OrderStatus> CANCELLABLE = EnumSet.of(OrderStatus.PLACED, OrderStatus.RESERVED,
			OrderStatus.PAID);

	private final @Id UUID id;

	private final UUID customerId;

	@MappedCollection(idColumn = "order_id", keyColumn = "line_no")
	private final List<OrderLine> lines;

	@Embedded.Nullable(prefix = "total_")
	private final Money total;

	@Embedded.Nullable(prefix = "shipping_")
	private final Address shippingAddress;

	private final String paymentToken;

	private OrderStatus status;

	private CancellationReason cancellationReason;

	private String trackingNumber;

	private CancellationRequest cancellationRequest;

	private Instant cancellationRequestedAt;

	private final String idempotencyKey;

	private final String requestFingerprint;

	private final Instant createdAt;

	private Instant updatedAt;

	private @Version Long version;

	@PersistenceCreator
	private Order(UUID id, UUID customerId, List<OrderLine> lines, Money total, Address shippingAddress,
			String paymentToken, OrderStatus status, CancellationReason cancellationReason, String trackingNumber,
			CancellationRequest cancellationRequest, Instant cancellationRequestedAt, String idempotencyKey,
			String requestFingerprint, Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.customerId = customerId;
		this.lines = List.copyOf(lines);
		this.total = total;
		this.shippingAddress = shippingAddress;
		this.paymentToken = paymentToken;
		this.status = status;
		this.cancellationReason = cancellationReason;
		this.trackingNumber = trackingNumber;
		this.cancellationRequest = cancellationRequest;
		this.cancellationRequestedAt = cancellationRequestedAt;
		this.idempotencyKey = idempotencyKey;
		this.requestFingerprint = requestFingerprint;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/**
	 * Places a new order; all lines must be in one currency and name distinct SKUs.
	 */
	static Order place(UUID customerId, List<OrderLine> lines, Address shippingAddress, String paymentToken,
			String idempotencyKey, String requestFingerprint) {
		if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
			throw new OrderRejectedException("invalid-order-lines", "Invalid order lines",
					"An order has between 1 and %d lines".formatted(MAX_LINES));
		}
		var skus = new HashSet<String>();
		lines.stream().filter(line -> !skus.add(line.sku())).findFirst().ifPresent(line -> {
			throw new OrderRejectedException("duplicate-sku", "Duplicate SKU",
					"%s appears on more than one line; order it once with the total quantity".formatted(line.sku()));
		});
		var currency = lines.get(0).unitPrice().currency();
		if (lines.stream().anyMatch(line -> !line.unitPrice().currency().equals(currency))) {
			throw new OrderRejectedException("mixed-currencies", "Mixed currencies",
					"All products of one order must be priced in the same currency");
		}
		if (shippingAddress == null || paymentToken == null || paymentToken.isBlank()) {
			throw new OrderRejectedException("invalid-order", "Invalid order",
					"An order needs a shipping address and a payment token");
		}
		var total = lines.stream().map(OrderLine::lineTotal).reduce(Money.zero(currency), Money::plus);
		var now = now();
		return new Order(UUID.randomUUID(), customerId, lines, total, shippingAddress, paymentToken, OrderStatus.PLACED,
				null, null, null, null, idempotencyKey, requestFingerprint, now, now, null);
	}

	void markReserved() {
		transition(OrderStatus.PLACED, OrderStatus.RESERVED);
	}

	void markPaid() {
		transition(OrderStatus.RESERVED, OrderStatus.PAID);
	}

	void markShipped(String trackingNumber) {
		if (trackingNumber == null || trackingNumber.isBlank()) {
			throw new IllegalArgumentException("A shipped order needs a tracking number");
		}
		transition(OrderStatus.PAID, OrderStatus.SHIPPED);
		this.trackingNumber = trackingNumber;
	}

	void markDelivered() {
		transition(OrderStatus.SHIPPED, OrderStatus.DELIVERED);
	}

	/**
	 * Cancels the order before it leaves the warehouse.
	 * @return the status the order had before
	 */
	OrderStatus cancel(CancellationReason reason) {
		if (!CANCELLABLE.contains(status)) {
			throw new OrderNotCancellableException(id, status);
		}
		var previous = status;
		status = OrderStatus.CANCELLED;
		cancellationReason = reason;
		updatedAt = now();
		return previous;
	}

	/**
	 * Takes a customer's cancellation: an order not yet paid is cancelled at once, a paid
	 * one gets a pending request that shipping accepts or refuses (docs/architecture.md,
	 * "Cancelling a paid order"). Asking again while the request is pending changes
	 * nothing.
	 * @return whether the order now waits for shipping's answer that it did not wait for
	 * before
	 */
	boolean cancelOnRequest() {
		if (status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED
				|| cancellationRequest == CancellationRequest.REFUSED) {
			throw new OrderAlreadyShippedException(id);
		}
		if (status != OrderStatus.PAID) {
			cancel(CancellationReason.CUSTOMER_REQUEST);
			return false;
		}
		if (cancellationRequest == CancellationRequest.PENDING) {
			return false;
		}
		cancellationRequest = CancellationRequest.PENDING;
		cancellationRequestedAt = now();
		updatedAt = cancellationRequestedAt;
		return true;
	}

	/**
	 * Shipping cancelled the shipment: the pending request becomes the cancellation.
	 */
	void acceptCancellation() {
		requirePendingCancellation();
		cancel(CancellationReason.CUSTOMER_REQUEST);
		cancellationRequest = CancellationRequest.ACCEPTED;
	}

	/**
	 * The shipment had left: the order stands.
	 */
	void refuseCancellation() {
		requirePendingCancellation();
		cancellationRequest = CancellationRequest.REFUSED;
		updatedAt = now();
	}

	boolean isCancellationPending() {
		return cancellationRequest == CancellationRequest.PENDING;
	}

	private void requirePendingCancellation() {
		if (!isCancellationPending()) {
			throw new IllegalStateException("Order %s has no pending cancellation".formatted(id));
		}
	}

	boolean is(OrderStatus status) {
		return this.status == status;
	}

	boolean wasPlacedWith(String requestFingerprint) {
		return this.requestFingerprint != null && this.requestFingerprint.equals(requestFingerprint);
	}

	private void transition(OrderStatus from, OrderStatus to) {
		if (status != from) {
			throw new IllegalStateException("Order %s is %s, so it cannot become %s".formatted(id, status, to));
		}
		status = to;
		updatedAt = now();
	}

	// PostgreSQL keeps microseconds: an order read back must equal the one answered.
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	UUID id() {
		return id;
	}

	UUID customerId() {
		return customerId;
	}

	List<OrderLine> lines() {
		return lines;
	}

	Money total() {
		return total;
	}

	Address shippingAddress() {
		return shippingAddress;
	}

	String paymentToken() {
		return paymentToken;
	}

	Long version() {
		return version;
	}

	OrderStatus status() {
		return status;
	}

	CancellationReason cancellationReason() {
		return cancellationReason;
	}

	String trackingNumber() {
		return trackingNumber;
	}

	CancellationRequest cancellationRequest() {
		return cancellationRequest;
	}

	Instant cancellationRequestedAt() {
		return cancellationRequestedAt;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

}
