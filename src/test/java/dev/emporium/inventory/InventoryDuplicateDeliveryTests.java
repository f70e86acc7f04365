package dev.emporium.inventory;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.emporium.catalog.Catalog;
import dev.emporium.inventory.StockReservationRequested.Line;
import dev.emporium.shared.Redeliveries;
import dev.emporium.shipping.ShipmentDispatched;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every inventory listener applies one event once: the same instance delivered twice has
 * one effect, publishes one answer and leaves one inbox row.
 */
@ApplicationModuleTest
@Import(Redeliveries.class)
class InventoryDuplicateDeliveryTests {

	@MockitoBean
	Catalog catalog;

	private final StockedSkus skus;

	private final Reservations reservations;

	private final Redeliveries redeliveries;

	InventoryDuplicateDeliveryTests(Stocks stocks, Reservations reservations, Redeliveries redeliveries) {
		this.skus = new StockedSkus(stocks);
		this.reservations = reservations;
		this.redeliveries = redeliveries;
	}

	@Test
	void reservesOnceAndAnswersOnceForARedeliveredReservationRequest(Scenario scenario) {
		var mug = skus.create(5);
		var request = new StockReservationRequested(UUID.randomUUID(), List.of(new Line(mug, 2)));

		redeliveries.deliverTwice(scenario, request);

		assertThat(skus.get(mug).reserved()).isEqualTo(2);
		assertThat(redeliveries.published(StockReserved.class, event -> event.orderId().equals(request.orderId())))
			.hasSize(1);
		assertThat(redeliveries.inboxRows("inventory", request)).isEqualTo(1);
	}

	@Test
	void releasesOnceForARedeliveredReleaseRequest(Scenario scenario) {
		var mug = skus.create(5);
		var orderId = reserved(scenario, mug, 2);
		var release = new StockReleaseRequested(orderId);

		redeliveries.deliverTwice(scenario, release);

		assertThat(skus.get(mug).reserved()).isZero();
		assertThat(skus.get(mug).onHand()).isEqualTo(5);
		assertThat(statusOf(orderId)).isEqualTo(ReservationStatus.RELEASED);
		assertThat(redeliveries.inboxRows("inventory", release)).isEqualTo(1);
	}

	@Test
	void commitsOnceForARedeliveredDispatch(Scenario scenario) {
		var mug = skus.create(5);
		var orderId = reserved(scenario, mug, 2);
		var dispatched = new ShipmentDispatched(UUID.randomUUID(), orderId, "TRACK-1");

		redeliveries.deliverTwice(scenario, dispatched);

		assertThat(skus.get(mug).onHand()).isEqualTo(3);
		assertThat(skus.get(mug).reserved()).isZero();
		assertThat(statusOf(orderId)).isEqualTo(ReservationStatus.COMMITTED);
		assertThat(redeliveries.inboxRows("inventory", dispatched)).isEqualTo(1);
	}

	private UUID reserved(Scenario scenario, String sku, int quantity) {
		var request = new StockReservationRequested(UUID.randomUUID(), List.of(new Line(sku, quantity)));
		redeliveries.deliver(scenario, request);
		assertThat(statusOf(request.orderId())).isEqualTo(ReservationStatus.RESERVED);
		return request.orderId();
	}

	private ReservationStatus statusOf(UUID orderId) {
		return reservations.findByOrderId(orderId).map(Reservation::status).orElseThrow();
	}

}
