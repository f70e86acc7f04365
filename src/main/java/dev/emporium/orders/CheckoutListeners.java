package dev.emporium.orders;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.emporium.inventory.StockReleaseRequested;
import dev.emporium.inventory.StockReserved;
import dev.emporium.inventory.StockShortage;
import dev.emporium.payments.PaymentCompleted;
import dev.emporium.payments.PaymentDeclined;
import dev.emporium.payments.PaymentRequested;
import dev.emporium.payments.RefundRequested;
import dev.emporium.shipping.ShipmentCancellationRefused;
import dev.emporium.shipping.ShipmentCancelled;
import dev.emporium.shipping.ShipmentDelivered;
import dev.emporium.shipping.ShipmentDispatched;
import dev.emporium.shipping.ShipmentRequested;

/**
 * Moves orders along the checkout as inventory, payments and shipping answer, including
 * shipping's answer to a customer's cancellation of a paid order. Each answer is applied
 * once through orders' inbox, and one that does not fit the order's status (answers
 * arrive in any order, and may come after a cancellation) is ignored.
 */
@Component
class CheckoutListeners {

	private static final Logger log = LoggerFactory.getLogger(CheckoutListeners.class);

	private final Orders orders;

	private final ApplicationEventPublisher events;

	private final OrderMetrics metrics;

	CheckoutListeners(Orders orders, ApplicationEventPublisher events, OrderMetrics metrics) {
		this.orders = orders;
		this.events = events;
		this.metrics = metrics;
	}

	@ApplicationModuleListener
	void on(StockReserved event) {
		orders.applyOnce(event, "StockReserved",
				() -> advance(event.orderId(), event, EnumSet.of(OrderStatus.PLACED), order -> {
					order.markReserved();
					return List
						.of(new PaymentRequested(order.id(), order.customerId(), order.total(), order.paymentToken()));
				}));
	}

	@ApplicationModuleListener
	void on(StockShortage event) {
		orders.applyOnce(event, "StockShortage",
				() -> advance(event.orderId(), event, EnumSet.of(OrderStatus.PLACED), order -> {
					order.cancel(CancellationReason.OUT_OF_STOCK);
					return List.of(cancelled(order));
				}));
	}

	@ApplicationModuleListener
	void on(PaymentCompleted event) {
		orders.applyOnce(event, "PaymentCompleted",
				() -> advance(event.orderId(), event, EnumSet.of(OrderStatus.RESERVED), order -> {
					order.markPaid();
					metrics.paid(order.createdAt());
					return List.of(new OrderConfirmed(order.id(), order.customerId(), order.total()),
							new ShipmentRequested(order.id(), order.customerId(), order.shippingAddress()));
				}));
	}

	@ApplicationModuleListener
	void on(PaymentDeclined event) {
		orders.applyOnce(event, "PaymentDeclined",
				() -> advance(event.orderId(), event, EnumSet.of(OrderStatus.RESERVED), order -> {
					order.cancel(CancellationReason.PAYMENT_DECLINED);
					return List.of(cancelled(order), new StockReleaseRequested(order.id()));
				}));
	}

	@ApplicationModuleListener
	void on(ShipmentDispatched event) {
		orders.applyOnce(event, "ShipmentDispatched",
				() -> advance(event.orderId(), event, EnumSet.of(OrderStatus.PAID), order -> {
					order.markShipped(event.trackingNumber());
					return List.of(new OrderShipped(order.id(), order.customerId(), event.trackingNumber()));
				}));
	}

	@ApplicationModuleListener
	void on(ShipmentDelivered event) {
		// A delivery can overtake its dispatch (events arrive in no guaranteed order); it
		// implies the dispatch.
		orders.applyOnce(event, "ShipmentDelivered",
				() -> advance(event.orderId(), event, EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPED), order -> {
					var published = new ArrayList<Object>();
					if (order.is(OrderStatus.PAID)) {
						order.markShipped(event.trackingNumber());
						published.add(new OrderShipped(order.id(), order.customerId(), event.trackingNumber()));
					}
					order.markDelivered();
					published.add(new OrderDelivered(order.id(), order.customerId()));
					return published;
				}));
	}

	/**
	 * Shipping accepted the customer's cancellation of a paid order: only now is the
	 * stock released and the payment refunded, since the parcel can no longer leave.
	 */
	@ApplicationModuleListener
	void on(ShipmentCancelled event) {
		orders.applyOnce(event, "ShipmentCancelled",
				() -> advance(event.orderId(), event, "PAID with a pending cancellation",
						order -> order.is(OrderStatus.PAID) && order.isCancellationPending(), order -> {
							order.acceptCancellation();
							return List.of(cancelled(order), new StockReleaseRequested(order.id()),
									new RefundRequested(order.id()));
						}));
	}

	/**
	 * Shipping refused the cancellation because the parcel had left: the order stands and
	 * its customer is told.
	 */
	@ApplicationModuleListener
	void on(ShipmentCancellationRefused event) {
		orders.applyOnce(event, "ShipmentCancellationRefused", () -> advance(event.orderId(), event,
				"waiting for an answer to its cancellation", Order::isCancellationPending, order -> {
					order.refuseCancellation();
					return List
						.of(new OrderCancellationRefused(order.id(), order.customerId(), event.trackingNumber()));
				}));
	}

	private void advance(UUID orderId, Object answer, Set<OrderStatus> expected,
			Function<Order, List<Object>> transition) {
		advance(orderId, answer, expected.toString(), order -> expected.contains(order.status()), transition);
	}

	private void advance(UUID orderId, Object answer, String expected, Predicate<Order> applies,
			Function<Order, List<Object>> transition) {
		var found = orders.findLockedById(orderId);
		if (found.isEmpty()) {
			log.warn("Ignoring {}: there is no order {}", answer, orderId);
			return;
		}
		var order = found.get();
		if (!applies.test(order)) {
			log.debug("Ignoring {}: order {} is {}, not {}", answer, orderId, order.status(), expected);
			return;
		}
		var published = transition.apply(order);
		orders.saveState(order);
		published.forEach(events::publishEvent);
	}

	private OrderCancelled cancelled(Order order) {
		metrics.cancelled(order.cancellationReason());
		return new OrderCancelled(order.id(), order.customerId(), order.cancellationReason().name());
	}

}
