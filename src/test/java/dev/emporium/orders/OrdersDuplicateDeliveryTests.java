package dev.emporium.orders;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.emporium.catalog.Catalog;
import dev.emporium.catalog.ProductSummary;
import dev.emporium.inventory.StockReleaseRequested;
import dev.emporium.inventory.StockReserved;
import dev.emporium.inventory.StockShortage;
import dev.emporium.payments.PaymentCompleted;
import dev.emporium.payments.PaymentDeclined;
import dev.emporium.payments.PaymentRequested;
import dev.emporium.shared.Money;
import dev.emporium.shared.Redeliveries;
import dev.emporium.shipping.ShipmentDelivered;
import dev.emporium.shipping.ShipmentDispatched;
import dev.emporium.shipping.ShipmentRequested;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;

/**
 * Every checkout listener applies one answer once: the same instance delivered twice
 * moves the order once, publishes its follow-up events once and leaves one inbox row.
 */
@ApplicationModuleTest
@Import(Redeliveries.class)
class OrdersDuplicateDeliveryTests {

	static final Money PRICE = Money.of("12.50", "EUR");

	@MockitoBean
	Catalog catalog;

	private final OrderManagement management;

	private final Orders orders;

	private final Redeliveries redeliveries;

	OrdersDuplicateDeliveryTests(OrderManagement management, Orders orders, Redeliveries redeliveries) {
		this.management = management;
		this.orders = orders;
		this.redeliveries = redeliveries;
	}

	@BeforeEach
	void catalogKnowsTheMug() {
		given(catalog.findProducts(anyCollection()))
			.willReturn(List.of(new ProductSummary("MUG-001", "Emporium mug", PRICE)));
	}

	@Test
	void reservesOnceAndAsksForPaymentOnceForARedeliveredStockReserved(Scenario scenario) {
		var id = placed();
		var reserved = new StockReserved(id);

		redeliveries.deliverTwice(scenario, reserved);

		assertThat(status(id)).isEqualTo(OrderStatus.RESERVED);
		assertThat(redeliveries.published(PaymentRequested.class, event -> event.orderId().equals(id))).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", reserved)).isEqualTo(1);
	}

	@Test
	void cancelsOnceForARedeliveredStockShortage(Scenario scenario) {
		var id = placed();
		var shortage = new StockShortage(id, List.of("MUG-001"));

		redeliveries.deliverTwice(scenario, shortage);

		assertThat(status(id)).isEqualTo(OrderStatus.CANCELLED);
		assertThat(redeliveries.published(OrderCancelled.class, event -> event.orderId().equals(id))).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", shortage)).isEqualTo(1);
	}

	@Test
	void confirmsOnceAndAsksForShipmentOnceForARedeliveredPaymentCompleted(Scenario scenario) {
		var id = reserved(scenario);
		var completed = new PaymentCompleted(id, UUID.randomUUID(), PRICE);

		redeliveries.deliverTwice(scenario, completed);

		assertThat(status(id)).isEqualTo(OrderStatus.PAID);
		assertThat(redeliveries.published(OrderConfirmed.class, event -> event.orderId().equals(id))).hasSize(1);
		assertThat(redeliveries.published(ShipmentRequested.class, event -> event.orderId().equals(id))).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", completed)).isEqualTo(1);
	}

	@Test
	void cancelsOnceAndReleasesStockOnceForARedeliveredPaymentDeclined(Scenario scenario) {
		var id = reserved(scenario);
		var declined = new PaymentDeclined(id, "card_declined");

		redeliveries.deliverTwice(scenario, declined);

		assertThat(status(id)).isEqualTo(OrderStatus.CANCELLED);
		assertThat(redeliveries.published(OrderCancelled.class, event -> event.orderId().equals(id))).hasSize(1);
		assertThat(redeliveries.published(StockReleaseRequested.class, event -> event.orderId().equals(id))).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", declined)).isEqualTo(1);
	}

	@Test
	void shipsOnceForARedeliveredShipmentDispatched(Scenario scenario) {
		var id = paid(scenario);
		var dispatched = new ShipmentDispatched(UUID.randomUUID(), id, "TRACK-1");

		redeliveries.deliverTwice(scenario, dispatched);

		assertThat(status(id)).isEqualTo(OrderStatus.SHIPPED);
		assertThat(redeliveries.published(OrderShipped.class, event -> event.orderId().equals(id))).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", dispatched)).isEqualTo(1);
	}

	@Test
	void deliversOnceForARedeliveredShipmentDelivered(Scenario scenario) {
		var id = paid(scenario);
		redeliveries.deliver(scenario, new ShipmentDispatched(UUID.randomUUID(), id, "TRACK-1"));
		var delivered = new ShipmentDelivered(UUID.randomUUID(), id, "TRACK-1");

		redeliveries.deliverTwice(scenario, delivered);

		assertThat(status(id)).isEqualTo(OrderStatus.DELIVERED);
		assertThat(redeliveries.published(OrderDelivered.class, event -> event.orderId().equals(id))).hasSize(1);
		assertThat(redeliveries.published(OrderShipped.class, event -> event.orderId().equals(id))).hasSize(1);
		assertThat(redeliveries.inboxRows("orders", delivered)).isEqualTo(1);
	}

	private UUID placed() {
		return management
			.place(UUID.randomUUID(), List.of(new RequestedLine("MUG-001", 1)), OrderTests.ADDRESS, "tok_visa", null)
			.order()
			.id();
	}

	private UUID reserved(Scenario scenario) {
		var id = placed();
		redeliveries.deliver(scenario, new StockReserved(id));
		assertThat(status(id)).isEqualTo(OrderStatus.RESERVED);
		return id;
	}

	private UUID paid(Scenario scenario) {
		var id = reserved(scenario);
		redeliveries.deliver(scenario, new PaymentCompleted(id, UUID.randomUUID(), PRICE));
		assertThat(status(id)).isEqualTo(OrderStatus.PAID);
		return id;
	}

	private OrderStatus status(UUID id) {
		return orders.findById(id).orElseThrow().status();
	}

}
