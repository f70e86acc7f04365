package dev.emporium.orders;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.emporium.catalog.Catalog;
import dev.emporium.catalog.ProductSummary;
import dev.emporium.inventory.StockReleaseRequested;
import dev.emporium.inventory.StockReservationRequested;
import dev.emporium.inventory.StockReserved;
import dev.emporium.inventory.StockShortage;
import dev.emporium.payments.PaymentCompleted;
import dev.emporium.payments.PaymentDeclined;
import dev.emporium.payments.PaymentRequested;
import dev.emporium.payments.RefundRequested;
import dev.emporium.shared.Caller;
import dev.emporium.shared.IdentifiedEvent;
import dev.emporium.shared.Money;
import dev.emporium.shared.Redeliveries;
import dev.emporium.shipping.ShipmentCancellationRefused;
import dev.emporium.shipping.ShipmentCancellationRequested;
import dev.emporium.shipping.ShipmentCancelled;
import dev.emporium.shipping.ShipmentDelivered;
import dev.emporium.shipping.ShipmentDispatched;
import dev.emporium.shipping.ShipmentRequested;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;

/**
 * The orders module on its own: placing and cancelling orders, and the checkout listeners
 * moving them along as the other modules answer. Every listener applies one answer once:
 * the same instance delivered twice moves the order once, publishes its follow-up events
 * once and leaves one inbox row.
 */
@ApplicationModuleTest
@Import(Redeliveries.class)
class OrderManagementIntegrationTests {

	/** The events the orders module publishes. */
	static final Set<Class<?>> ORDERS_OUTPUT = Set.of(OrderPlaced.class, OrderConfirmed.class, OrderCancelled.class,
			OrderShipped.class, OrderDelivered.class, StockReservationRequested.class, StockReleaseRequested.class,
			PaymentRequested.class, RefundRequested.class, ShipmentRequested.class, ShipmentCancellationRequested.class,
			OrderCancellationRefused.class);

	static final List<ProductSummary> PRODUCTS = List.of(
			new ProductSummary("MUG-001", "Emporium mug", Money.of("12.50", "EUR")),
			new ProductSummary("TEE-001", "Emporium T-shirt", Money.of("24.00", "EUR")),
			new ProductSummary("TEA-GBP", "English tea", Money.of("5.00", "GBP")));

	@MockitoBean
	Catalog catalog;

	@Autowired
	OrderManagement management;

	@Autowired
	Orders orders;

	@Autowired
	Redeliveries redeliveries;

	final AtomicBoolean catalogCalledInTransaction = new AtomicBoolean();

	final Caller customer = new Caller(UUID.randomUUID(), false);

	@BeforeEach
	void catalogKnowsSomeProducts() {
		catalogCalledInTransaction.set(false);
		given(catalog.findProducts(anyCollection())).willAnswer(invocation -> {
			catalogCalledInTransaction.compareAndSet(false,
					TransactionSynchronizationManager.isActualTransactionActive());
			Collection<?> skus = invocation.getArgument(0);
			return PRODUCTS.stream().filter(product -> skus.contains(product.sku())).toList();
		});
	}

	@Test
	void placesAnOrderPricedFromTheCatalogAndAsksForStock() {
		var order = place("MUG-001", 2, "TEE-001", 1);

		assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
		assertThat(order.total()).isEqualTo(Money.of("49.00", "EUR"));
		assertThat(orders.findById(order.id())).hasValueSatisfying(saved -> {
			assertThat(saved.lines()).extracting(OrderLine::sku, OrderLine::name, OrderLine::quantity)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("MUG-001", "Emporium mug", 2),
						org.assertj.core.groups.Tuple.tuple("TEE-001", "Emporium T-shirt", 1));
			assertThat(saved.shippingAddress()).isEqualTo(OrderTests.ADDRESS);
			assertThat(saved.createdAt()).isEqualTo(order.createdAt());
		});
		assertThat(published(OrderPlaced.class, order.id())).singleElement()
			.satisfies(placed -> assertThat(placed.total()).isEqualTo(Money.of("49.00", "EUR")));
		assertThat(published(StockReservationRequested.class, order.id())).singleElement()
			.satisfies(request -> assertThat(request.lines()).containsExactly(
					new StockReservationRequested.Line("MUG-001", 2),
					new StockReservationRequested.Line("TEE-001", 1)));
		assertThat(catalogCalledInTransaction).isFalse();
	}

	@Test
	void rejectsUnknownSkusNamingThem() {
		assertThatExceptionOfType(UnknownSkusException.class).isThrownBy(() -> place("MUG-001", 1, "NOPE-1", 1))
			.satisfies(ex -> assertThat(ex.skus()).containsExactly("NOPE-1"));
	}

	@Test
	void rejectsProductsInDifferentCurrencies() {
		assertThatExceptionOfType(OrderRejectedException.class).isThrownBy(() -> place("MUG-001", 1, "TEA-GBP", 1))
			.satisfies(ex -> assertThat(ex.slug()).isEqualTo("mixed-currencies"));
	}

	@Test
	void takesAnOrderThroughTheCheckoutToDelivered(Scenario scenario) {
		var order = place("MUG-001", 2);
		var id = order.id();

		scenario.publish(new StockReserved(id))
			.andWaitForStateChange(() -> published(PaymentRequested.class, id), events -> !events.isEmpty())
			.andVerify(events -> assertThat(events).singleElement()
				.satisfies(request -> assertThat(request).usingRecursiveComparison()
					.ignoringFields("eventId")
					.isEqualTo(new PaymentRequested(id, customer.customerId(), Money.of("25.00", "EUR"), "tok_visa"))));
		assertThat(status(id)).isEqualTo(OrderStatus.RESERVED);

		scenario.publish(new PaymentCompleted(id, UUID.randomUUID(), Money.of("25.00", "EUR")))
			.andWaitForStateChange(() -> published(ShipmentRequested.class, id), events -> !events.isEmpty())
			.andVerify(events -> assertThat(events).singleElement()
				.satisfies(request -> assertThat(request.address()).isEqualTo(OrderTests.ADDRESS)));
		assertThat(published(OrderConfirmed.class, id)).singleElement()
			.satisfies(confirmed -> assertThat(confirmed.total()).isEqualTo(Money.of("25.00", "EUR")));
		assertThat(status(id)).isEqualTo(OrderStatus.PAID);

		scenario.publish(new ShipmentDispatched(UUID.randomUUID(), id, "TRACK-42"))
			.andWaitForStateChange(() -> published(OrderShipped.class, id), events -> !events.isEmpty())
			.andVerify(events -> assertThat(events).singleElement()
				.satisfies(shipped -> assertThat(shipped.trackingNumber()).isEqualTo("TRACK-42")));
		assertThat(orders.findById(id)).hasValueSatisfying(shipped -> {
			assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
			assertThat(shipped.trackingNumber()).isEqualTo("TRACK-42");
		});

		scenario.publish(new ShipmentDelivered(UUID.randomUUID(), id, "TRACK-1"))
			.andWaitForStateChange(() -> published(OrderDelivered.class, id), events -> !events.isEmpty())
			.andVerify(events -> assertThat(events).singleElement()
				.satisfies(delivered -> assertThat(status(id)).isEqualTo(OrderStatus.DELIVERED)));
	}

	@Test
	void cancelsAnOrderWhoseStockIsShort(Scenario scenario) {
		var id = place("MUG-001", 2).id();

		scenario.publish(new StockShortage(id, List.of("MUG-001")))
			.andWaitForStateChange(() -> published(OrderCancelled.class, id), events -> !events.isEmpty())
			.andVerify(events -> assertThat(events).singleElement()
				.satisfies(cancelled -> assertThat(cancelled.reason()).isEqualTo("OUT_OF_STOCK")));
		assertThat(orders.findById(id)).hasValueSatisfying(order -> {
			assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
			assertThat(order.cancellationReason()).isEqualTo(CancellationReason.OUT_OF_STOCK);
		});
		assertThat(published(StockReleaseRequested.class, id)).isEmpty();
	}

	@Test
	void cancelsAnOrderWhosePaymentIsDeclinedAndReleasesItsStock(Scenario scenario) {
		var id = reserve(scenario, place("MUG-001", 2).id());

		scenario.publish(new PaymentDeclined(id, "card declined"))
			.andWaitForStateChange(() -> published(StockReleaseRequested.class, id), events -> !events.isEmpty());
		assertThat(published(OrderCancelled.class, id)).singleElement()
			.satisfies(cancelled -> assertThat(cancelled.reason()).isEqualTo("PAYMENT_DECLINED"));
		assertThat(published(RefundRequested.class, id)).isEmpty();
		assertThat(status(id)).isEqualTo(OrderStatus.CANCELLED);
	}

	@ParameterizedTest
	@EnumSource(names = { "PLACED", "RESERVED" })
	void customerCancelsAnUnpaidOrderAndTheOtherModulesAreAskedToUndoTheirWork(OrderStatus before, Scenario scenario) {
		var id = driveTo(scenario, before);
		var lines = management.find(id, customer).lines();

		var cancelled = management.cancel(id, customer);

		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(cancelled.cancellationReason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
		// Cancelling saves the whole aggregate it locked: an order read without its lines
		// would lose them.
		assertThat(management.find(id, customer).lines()).isNotEmpty().isEqualTo(lines);
		assertThat(published(OrderCancelled.class, id)).singleElement()
			.satisfies(event -> assertThat(event.reason()).isEqualTo("CUSTOMER_REQUEST"));
		assertThat(published(StockReleaseRequested.class, id)).hasSize(1);
		assertThat(published(RefundRequested.class, id)).hasSize(before == OrderStatus.PLACED ? 0 : 1);
		assertThat(published(ShipmentCancellationRequested.class, id)).isEmpty();
	}

	@Test
	void cancellingAPaidOrderOnlyAsksShippingAndUndoesNothingYet(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.PAID);

		var pending = management.cancel(id, customer);

		assertThat(pending.status()).isEqualTo(OrderStatus.PAID);
		assertThat(pending.cancellationRequest()).isEqualTo(CancellationRequest.PENDING);
		assertThat(orders.findById(id)).hasValueSatisfying(saved -> {
			assertThat(saved.cancellationRequest()).isEqualTo(CancellationRequest.PENDING);
			assertThat(saved.cancellationRequestedAt()).isEqualTo(pending.cancellationRequestedAt());
			assertThat(saved.lines()).hasSize(1);
		});
		assertThat(published(ShipmentCancellationRequested.class, id)).hasSize(1);
		assertThat(published(OrderCancelled.class, id)).isEmpty();
		assertThat(published(RefundRequested.class, id)).isEmpty();
		assertThat(published(StockReleaseRequested.class, id)).isEmpty();

		assertThat(management.cancel(id, customer).cancellationRequest()).as("asking again while pending")
			.isEqualTo(CancellationRequest.PENDING);
		assertThat(published(ShipmentCancellationRequested.class, id)).hasSize(1);
	}

	@Test
	void acceptedCancellationCancelsRefundsAndReleasesOnce(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.PAID);
		management.cancel(id, customer);
		var accepted = new ShipmentCancelled(UUID.randomUUID(), id);

		assertRedeliveryChangesNothing(scenario, accepted, OrderStatus.CANCELLED);

		assertThat(orders.findById(id)).hasValueSatisfying(order -> {
			assertThat(order.cancellationReason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
			assertThat(order.cancellationRequest()).isEqualTo(CancellationRequest.ACCEPTED);
		});
		assertThat(published(OrderCancelled.class, id)).singleElement()
			.satisfies(event -> assertThat(event.reason()).isEqualTo("CUSTOMER_REQUEST"));
		assertThat(published(RefundRequested.class, id)).hasSize(1);
		assertThat(published(StockReleaseRequested.class, id)).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", accepted)).isEqualTo(1);
		assertStaleAnswerChangesNothing(scenario, id, new ShipmentDispatched(UUID.randomUUID(), id, "TRACK-9"));
		assertStaleAnswerChangesNothing(scenario, id, new ShipmentDelivered(UUID.randomUUID(), id, "TRACK-9"));
	}

	@ParameterizedTest
	@EnumSource(names = { "PAID", "SHIPPED" })
	void refusedCancellationLeavesTheOrderAndTellsTheCustomerOnce(OrderStatus whenRefused, Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.PAID);
		management.cancel(id, customer);
		if (whenRefused == OrderStatus.SHIPPED) {
			// The dispatch's event may reach orders before shipping's refusal.
			scenario.publish(new ShipmentDispatched(UUID.randomUUID(), id, "TRACK-5"))
				.andWaitForStateChange(() -> status(id), OrderStatus.SHIPPED::equals);
		}
		var refused = new ShipmentCancellationRefused(UUID.randomUUID(), id, "DISPATCHED", "TRACK-5");

		assertRedeliveryChangesNothing(scenario, refused, whenRefused);

		assertThat(orders.findById(id).orElseThrow().cancellationRequest()).isEqualTo(CancellationRequest.REFUSED);
		assertThat(published(OrderCancellationRefused.class, id)).singleElement()
			.satisfies(event -> assertThat(event.trackingNumber()).isEqualTo("TRACK-5"));
		assertThat(published(OrderCancelled.class, id)).isEmpty();
		assertThat(published(RefundRequested.class, id)).isEmpty();
		assertThat(published(StockReleaseRequested.class, id)).isEmpty();
		assertThat(redeliveries.inboxRows("orders", refused)).isEqualTo(1);
		assertThatExceptionOfType(OrderAlreadyShippedException.class).isThrownBy(() -> management.cancel(id, customer));
	}

	@Test
	void dispatchThatWinsTheRaceShipsTheOrderWhoseCancellationIsPending(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.PAID);
		management.cancel(id, customer);

		scenario.publish(new ShipmentDispatched(UUID.randomUUID(), id, "TRACK-3"))
			.andWaitForStateChange(() -> status(id), OrderStatus.SHIPPED::equals);

		assertThat(orders.findById(id).orElseThrow().cancellationRequest()).isEqualTo(CancellationRequest.PENDING);
		assertThat(published(OrderShipped.class, id)).hasSize(1);
		assertThat(published(RefundRequested.class, id)).isEmpty();
	}

	@Test
	void ignoresAShipmentCancelledThatNobodyAskedFor(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.PAID);

		assertStaleAnswerChangesNothing(scenario, id, new ShipmentCancelled(UUID.randomUUID(), id));
		assertStaleAnswerChangesNothing(scenario, id,
				new ShipmentCancellationRefused(UUID.randomUUID(), id, "DISPATCHED", "TRACK-1"));
		assertThat(status(id)).isEqualTo(OrderStatus.PAID);
	}

	@ParameterizedTest
	@EnumSource(names = { "SHIPPED", "DELIVERED" })
	void customerCannotCancelAfterDispatch(OrderStatus before, Scenario scenario) {
		var id = driveTo(scenario, before);

		assertThatExceptionOfType(OrderAlreadyShippedException.class).isThrownBy(() -> management.cancel(id, customer));
		assertThat(status(id)).isEqualTo(before);
		assertThat(published(OrderCancelled.class, id)).isEmpty();
		assertThat(published(ShipmentCancellationRequested.class, id)).isEmpty();
	}

	@Test
	void cancellingTwiceIsAConflictAndAsksForNothingMore(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.RESERVED);
		management.cancel(id, customer);

		assertThatExceptionOfType(OrderNotCancellableException.class).isThrownBy(() -> management.cancel(id, customer));
		assertThat(published(RefundRequested.class, id)).hasSize(1);
	}

	@Test
	void onlyTheOwnerOrStaffMayCancel() {
		var id = place("MUG-001", 1).id();

		assertThatExceptionOfType(OrderNotFoundException.class)
			.isThrownBy(() -> management.cancel(id, new Caller(UUID.randomUUID(), false)));
		assertThat(status(id)).isEqualTo(OrderStatus.PLACED);
		assertThat(management.cancel(id, new Caller(UUID.randomUUID(), true)).status())
			.isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void reservesOnceAndAsksForPaymentOnceForARedeliveredStockReserved(Scenario scenario) {
		var id = place("MUG-001", 1).id();
		var reserved = new StockReserved(id);

		assertRedeliveryChangesNothing(scenario, reserved, OrderStatus.RESERVED);

		assertThat(published(PaymentRequested.class, id)).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", reserved)).isEqualTo(1);
	}

	@Test
	void cancelsOnceForARedeliveredStockShortage(Scenario scenario) {
		var id = place("MUG-001", 1).id();
		var shortage = new StockShortage(id, List.of("MUG-001"));

		assertRedeliveryChangesNothing(scenario, shortage, OrderStatus.CANCELLED);

		assertThat(published(OrderCancelled.class, id)).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", shortage)).isEqualTo(1);
	}

	@Test
	void confirmsOnceAndAsksForShipmentOnceForARedeliveredPaymentCompleted(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.RESERVED);
		var completed = new PaymentCompleted(id, UUID.randomUUID(), Money.of("12.50", "EUR"));

		assertRedeliveryChangesNothing(scenario, completed, OrderStatus.PAID);

		assertThat(published(OrderConfirmed.class, id)).hasSize(1);
		assertThat(published(ShipmentRequested.class, id)).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", completed)).isEqualTo(1);
	}

	@Test
	void cancelsOnceAndReleasesStockOnceForARedeliveredPaymentDeclined(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.RESERVED);
		var declined = new PaymentDeclined(id, "insufficient funds");

		assertRedeliveryChangesNothing(scenario, declined, OrderStatus.CANCELLED);

		assertThat(published(OrderCancelled.class, id)).hasSize(1);
		assertThat(published(StockReleaseRequested.class, id)).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", declined)).isEqualTo(1);
	}

	@Test
	void shipsOnceForARedeliveredShipmentDispatched(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.PAID);
		var dispatched = new ShipmentDispatched(UUID.randomUUID(), id, "TRACK-7");

		assertRedeliveryChangesNothing(scenario, dispatched, OrderStatus.SHIPPED);

		assertThat(published(OrderShipped.class, id)).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", dispatched)).isEqualTo(1);
	}

	@Test
	void deliversOnceForARedeliveredShipmentDelivered(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.SHIPPED);
		var delivered = new ShipmentDelivered(UUID.randomUUID(), id, "TRACK-1");

		assertRedeliveryChangesNothing(scenario, delivered, OrderStatus.DELIVERED);

		assertThat(published(OrderDelivered.class, id)).hasSize(1);
		assertThat(published(OrderShipped.class, id)).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", delivered)).isEqualTo(1);
	}

	@Test
	void deliveryThatOvertakesItsDispatchShipsAndDeliversTheOrder(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.PAID);

		scenario.publish(new ShipmentDelivered(UUID.randomUUID(), id, "TRACK-9"))
			.andWaitForStateChange(() -> status(id), OrderStatus.DELIVERED::equals);

		assertThat(orders.findById(id))
			.hasValueSatisfying(order -> assertThat(order.trackingNumber()).isEqualTo("TRACK-9"));
		assertThat(published(OrderShipped.class, id)).singleElement()
			.satisfies(shipped -> assertThat(shipped.trackingNumber()).isEqualTo("TRACK-9"));
		assertThat(published(OrderDelivered.class, id)).hasSize(1);

		redeliveries.deliver(scenario, new ShipmentDispatched(UUID.randomUUID(), id, "TRACK-9"));
		assertThat(status(id)).as("the late dispatch changes nothing").isEqualTo(OrderStatus.DELIVERED);
	}

	@Test
	void ignoresStockAnswersAfterACancellation(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.PLACED);
		management.cancel(id, customer);

		assertStaleAnswerChangesNothing(scenario, id, new StockReserved(id));
		assertStaleAnswerChangesNothing(scenario, id, new StockShortage(id, List.of("MUG-001")));
		assertThat(orders.findById(id).orElseThrow().cancellationReason())
			.isEqualTo(CancellationReason.CUSTOMER_REQUEST);
	}

	@Test
	void ignoresPaymentAnswersAfterACancellation(Scenario scenario) {
		var id = driveTo(scenario, OrderStatus.RESERVED);
		management.cancel(id, customer);

		assertStaleAnswerChangesNothing(scenario, id,
				new PaymentCompleted(id, UUID.randomUUID(), Money.of("12.50", "EUR")));
		assertStaleAnswerChangesNothing(scenario, id, new PaymentDeclined(id, "late"));
	}

	@Test
	void ignoresAnswersForUnknownOrders(Scenario scenario) {
		var unknown = UUID.randomUUID();

		redeliveries.deliver(scenario, new StockReserved(unknown));

		assertThat(orders.findById(unknown)).isEmpty();
		assertThat(publishedFor(unknown)).isEmpty();
	}

	/**
	 * Delivers the answer, checks the order's status, then delivers the same instance
	 * again and checks that it changes nothing.
	 */
	void assertRedeliveryChangesNothing(Scenario scenario, IdentifiedEvent answer, OrderStatus after) {
		var id = orderIdOf(answer);
		redeliveries.deliver(scenario, answer);
		assertThat(status(id)).isEqualTo(after);

		assertStaleAnswerChangesNothing(scenario, id, answer);
	}

	void assertStaleAnswerChangesNothing(Scenario scenario, UUID id, IdentifiedEvent answer) {
		var order = orders.findById(id).orElseThrow();
		var published = publishedFor(id);

		redeliveries.deliver(scenario, answer);

		var now = orders.findById(id).orElseThrow();
		assertThat(now.status()).isEqualTo(order.status());
		assertThat(now.updatedAt()).isEqualTo(order.updatedAt());
		assertThat(publishedFor(id)).isEqualTo(published);
	}

	/**
	 * The events of a type published about one order.
	 */
	<T extends IdentifiedEvent> List<T> published(Class<T> type, UUID orderId) {
		return redeliveries.published(type, event -> orderId.equals(orderIdOf(event)));
	}

	/**
	 * Everything the orders module published about one order, in publication order.
	 */
	List<IdentifiedEvent> publishedFor(UUID orderId) {
		return redeliveries.published(IdentifiedEvent.class,
				event -> ORDERS_OUTPUT.contains(event.getClass()) && orderId.equals(orderIdOf(event)));
	}

	static UUID orderIdOf(Object answer) {
		try {
			return (UUID) answer.getClass().getMethod("orderId").invoke(answer);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Order place(Object... skusAndQuantities) {
		var lines = new java.util.ArrayList<RequestedLine>();
		for (int i = 0; i < skusAndQuantities.length; i += 2) {
			lines.add(new RequestedLine((String) skusAndQuantities[i], (Integer) skusAndQuantities[i + 1]));
		}
		return management.place(customer.customerId(), lines, OrderTests.ADDRESS, "tok_visa", null).order();
	}

	OrderStatus status(UUID id) {
		return orders.findById(id).orElseThrow().status();
	}

	UUID reserve(Scenario scenario, UUID id) {
		scenario.publish(new StockReserved(id)).andWaitForStateChange(() -> status(id), OrderStatus.RESERVED::equals);
		return id;
	}

	UUID driveTo(Scenario scenario, OrderStatus status) {
		var id = place("MUG-001", 1).id();
		var steps = List.<Object>of(new StockReserved(id),
				new PaymentCompleted(id, UUID.randomUUID(), Money.of("12.50", "EUR")),
				new ShipmentDispatched(UUID.randomUUID(), id, "TRACK-1"),
				new ShipmentDelivered(UUID.randomUUID(), id, "TRACK-1"));
		var targets = List.of(OrderStatus.RESERVED, OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
		for (int i = 0; i < targets.indexOf(status) + 1; i++) {
			var target = targets.get(i);
			scenario.publish(steps.get(i)).andWaitForStateChange(() -> status(id), target::equals);
		}
		return id;
	}

}
