package dev.emporium.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.emporium.catalog.Catalog;
import dev.emporium.inventory.StockReservationRequested.Line;
import dev.emporium.shipping.ShipmentDispatched;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationModuleTest
class InventoryIntegrationTests {

	@MockitoBean
	Catalog catalog;

	private final InventoryManagement inventory;

	private final StockedSkus skus;

	private final Reservations reservations;

	InventoryIntegrationTests(InventoryManagement inventory, Stocks stocks, Reservations reservations) {
		this.inventory = inventory;
		this.skus = new StockedSkus(stocks);
		this.reservations = reservations;
	}

	@Test
	void reservesEveryLineAndAnswersStockReserved(Scenario scenario) {
		var mug = skus.create(5);
		var tee = skus.create(5);
		var orderId = UUID.randomUUID();

		scenario
			.publish(new StockReservationRequested(orderId,
					List.of(new Line(mug, 2), new Line(tee, 3), new Line(mug, 1))))
			.andWaitForEventOfType(StockReserved.class)
			.matching(event -> event.orderId().equals(orderId))
			.toArriveAndVerify(event -> {
				assertThat(skus.get(mug).reserved()).isEqualTo(3);
				assertThat(skus.get(tee).reserved()).isEqualTo(3);
				assertThat(statusOf(orderId)).contains(ReservationStatus.RESERVED);
			});
	}

	@Test
	void reservesNothingAndListsShortSkusWhenAnyLineIsShort(Scenario scenario) {
		var mug = skus.create(5);
		var tee = skus.create(1);
		var unknown = "NONE-" + UUID.randomUUID();
		var orderId = UUID.randomUUID();

		scenario
			.publish(new StockReservationRequested(orderId,
					List.of(new Line(mug, 2), new Line(tee, 1), new Line(tee, 1), new Line(unknown, 1))))
			.andWaitForEventOfType(StockShortage.class)
			.matching(event -> event.orderId().equals(orderId))
			.toArriveAndVerify(event -> {
				assertThat(event.unavailableSkus()).containsExactlyInAnyOrder(tee, unknown);
				assertThat(skus.get(mug).reserved()).isZero();
				assertThat(skus.get(tee).reserved()).isZero();
				assertThat(statusOf(orderId)).contains(ReservationStatus.REJECTED);
			});
	}

	@Test
	void treatsNonPositiveQuantitiesAsUnavailable() {
		var mug = skus.create(5);
		var orderId = UUID.randomUUID();

		inventory.reserve(new StockReservationRequested(orderId, List.of(new Line(mug, 2), new Line(mug, 0))));

		assertThat(statusOf(orderId)).contains(ReservationStatus.REJECTED);
		assertThat(skus.get(mug).reserved()).isZero();
	}

	@Test
	void reservesOnlyOnceForARepeatedRequest() {
		var mug = skus.create(5);
		var request = new StockReservationRequested(UUID.randomUUID(), List.of(new Line(mug, 2)));

		inventory.reserve(request);
		inventory.reserve(request);

		assertThat(skus.get(mug).reserved()).isEqualTo(2);
	}

	@Test
	void answersARepeatedShortRequestWithoutReservingLater() {
		var mug = skus.create(1);
		var request = new StockReservationRequested(UUID.randomUUID(), List.of(new Line(mug, 2)));
		inventory.reserve(request);

		var restocked = skus.get(mug);
		restocked.restock(5);
		skus.stocks().save(restocked);
		inventory.reserve(request);

		assertThat(skus.get(mug).reserved()).isZero();
		assertThat(statusOf(request.orderId())).contains(ReservationStatus.REJECTED);
	}

	@Test
	void releaseGivesReservedStockBack(Scenario scenario) {
		var mug = skus.create(5);
		var orderId = UUID.randomUUID();
		inventory.reserve(new StockReservationRequested(orderId, List.of(new Line(mug, 4))));

		scenario.publish(new StockReleaseRequested(orderId))
			.andWaitForStateChange(() -> statusOf(orderId),
					status -> status.equals(Optional.of(ReservationStatus.RELEASED)))
			.andVerify(status -> {
				assertThat(skus.get(mug).reserved()).isZero();
				assertThat(skus.get(mug).onHand()).isEqualTo(5);
			});
	}

	@Test
	void releasesOnlyOnceForARepeatedRelease() {
		var mug = skus.create(5);
		var first = UUID.randomUUID();
		var second = UUID.randomUUID();
		inventory.reserve(new StockReservationRequested(first, List.of(new Line(mug, 2))));
		inventory.reserve(new StockReservationRequested(second, List.of(new Line(mug, 3))));

		inventory.release(first);
		inventory.release(first);

		assertThat(skus.get(mug).reserved()).isEqualTo(3);
	}

	@Test
	void releaseBeforeRequestLeavesATombstoneSoNothingIsReservedLater(Scenario scenario) {
		var mug = skus.create(5);
		var orderId = UUID.randomUUID();

		scenario.publish(new StockReleaseRequested(orderId))
			.andWaitForStateChange(() -> statusOf(orderId), Optional::isPresent)
			.andVerify(status -> {
				assertThat(status).contains(ReservationStatus.RELEASED);
				inventory.reserve(new StockReservationRequested(orderId, List.of(new Line(mug, 1))));
				assertThat(skus.get(mug).reserved()).isZero();
				assertThat(statusOf(orderId)).contains(ReservationStatus.RELEASED);
			});
	}

	@Test
	void dispatchedShipmentCommitsTheReservation(Scenario scenario) {
		var mug = skus.create(5);
		var orderId = UUID.randomUUID();
		inventory.reserve(new StockReservationRequested(orderId, List.of(new Line(mug, 2))));

		scenario.publish(new ShipmentDispatched(UUID.randomUUID(), orderId, "TRACK-1"))
			.andWaitForStateChange(() -> statusOf(orderId),
					status -> status.equals(Optional.of(ReservationStatus.COMMITTED)))
			.andVerify(status -> {
				assertThat(skus.get(mug).onHand()).isEqualTo(3);
				assertThat(skus.get(mug).reserved()).isZero();
			});
	}

	@Test
	void commitsOnlyOnceAndNeverAReleasedReservation() {
		var mug = skus.create(5);
		var committed = UUID.randomUUID();
		var released = UUID.randomUUID();
		inventory.reserve(new StockReservationRequested(committed, List.of(new Line(mug, 2))));
		inventory.reserve(new StockReservationRequested(released, List.of(new Line(mug, 1))));
		inventory.release(released);

		inventory.commit(committed);
		inventory.commit(committed);
		inventory.commit(released);

		assertThat(skus.get(mug).onHand()).isEqualTo(3);
		assertThat(skus.get(mug).reserved()).isZero();
	}

	private Optional<ReservationStatus> statusOf(UUID orderId) {
		return reservations.findByOrderId(orderId).map(Reservation::status);
	}

}
