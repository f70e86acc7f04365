package dev.emporium.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.emporium.catalog.Catalog;
import dev.emporium.inventory.StockReservationRequested.Line;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservations racing for the same stock on real PostgreSQL: nothing is oversold and
 * nothing deadlocks.
 */
@ApplicationModuleTest
class InventoryConcurrencyTests {

	@MockitoBean
	Catalog catalog;

	private final InventoryManagement inventory;

	private final StockedSkus skus;

	private final Reservations reservations;

	private final Outcomes outcomes;

	InventoryConcurrencyTests(InventoryManagement inventory, Stocks stocks, Reservations reservations,
			Outcomes outcomes) {
		this.inventory = inventory;
		this.skus = new StockedSkus(stocks);
		this.reservations = reservations;
		this.outcomes = outcomes;
	}

	@Test
	void fiftyOrdersRacingForTenUnitsGetExactlyTen() throws Exception {
		var sku = skus.create(10);
		var orders = new ArrayList<UUID>();
		for (int i = 0; i < 50; i++) {
			orders.add(UUID.randomUUID());
		}

		runConcurrently(orders.stream()
			.map(orderId -> (Runnable) () -> inventory
				.reserve(new StockReservationRequested(orderId, List.of(new Line(sku, 1)))))
			.toList());

		var stock = skus.get(sku);
		assertThat(stock.onHand()).isEqualTo(10);
		assertThat(stock.reserved()).isEqualTo(10);
		assertThat(stock.available()).isZero();
		assertThat(orders.stream().filter(orderId -> outcomes.reserved.contains(orderId))).hasSize(10);
		assertThat(outcomes.shortages.stream().filter(shortage -> orders.contains(shortage.orderId()))).hasSize(40)
			.allSatisfy(shortage -> assertThat(shortage.unavailableSkus()).containsExactly(sku));
		assertThat(orders.stream().map(orderId -> reservations.findByOrderId(orderId).orElseThrow().status()))
			.filteredOn(ReservationStatus.RESERVED::equals)
			.hasSize(10);
	}

	@Test
	void ordersLockingTwoSkusInOppositeOrderDoNotDeadlock() throws Exception {
		var first = skus.create(100);
		var second = skus.create(100);
		var tasks = new ArrayList<Runnable>();
		for (int i = 0; i < 40; i++) {
			var lines = (i % 2 == 0) ? List.of(new Line(first, 1), new Line(second, 1))
					: List.of(new Line(second, 1), new Line(first, 1));
			tasks.add(() -> inventory.reserve(new StockReservationRequested(UUID.randomUUID(), lines)));
		}

		runConcurrently(tasks);

		assertThat(skus.get(first).reserved()).isEqualTo(40);
		assertThat(skus.get(second).reserved()).isEqualTo(40);
	}

	@Test
	void repeatedDeliveriesRacingEachOtherReserveOnce() throws Exception {
		var sku = skus.create(10);
		var request = new StockReservationRequested(UUID.randomUUID(), List.of(new Line(sku, 3)));
		var tasks = new ArrayList<Runnable>();
		for (int i = 0; i < 10; i++) {
			tasks.add(() -> inventory.reserve(request));
		}

		runConcurrently(tasks);

		assertThat(skus.get(sku).reserved()).isEqualTo(3);
		assertThat(outcomes.reserved).containsOnlyOnce(request.orderId());
	}

	@Test
	void releaseRacingItsRequestAlwaysEndsWithNothingReserved() throws Exception {
		var sku = skus.create(100);
		var orders = new ArrayList<UUID>();
		var tasks = new ArrayList<Runnable>();
		for (int i = 0; i < 20; i++) {
			var orderId = UUID.randomUUID();
			orders.add(orderId);
			tasks.add(() -> inventory.reserve(new StockReservationRequested(orderId, List.of(new Line(sku, 1)))));
			tasks.add(() -> inventory.release(orderId));
		}

		runConcurrently(tasks);

		assertThat(skus.get(sku).reserved()).isZero();
		assertThat(orders).allSatisfy(orderId -> assertThat(reservations.findByOrderId(orderId).orElseThrow().status())
			.isEqualTo(ReservationStatus.RELEASED));
	}

	/**
	 * Starts every task at once and fails with the first task's failure, if any.
	 */
	private static void runConcurrently(List<Runnable> tasks) throws Exception {
		var executor = Executors.newFixedThreadPool(tasks.size());
		try {
			var start = new CountDownLatch(1);
			var futures = new ArrayList<Future<Object>>();
			for (var task : tasks) {
				futures.add(executor.submit((Callable<Object>) () -> {
					start.await();
					task.run();
					return null;
				}));
			}
			start.countDown();
			for (var future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@TestConfiguration
	static class OutcomeRecording {

		@Bean
		Outcomes outcomes() {
			return new Outcomes();
		}

	}

	/**
	 * The answers inventory published, recorded synchronously: a transactional listener
	 * would be a registry-tracked publication that needs a second connection per
	 * transaction and would starve the pool under this load.
	 */
	static class Outcomes {

		final Queue<UUID> reserved = new ConcurrentLinkedQueue<>();

		final Queue<StockShortage> shortages = new ConcurrentLinkedQueue<>();

		@EventListener
		void on(StockReserved event) {
			reserved.add(event.orderId());
		}

		@EventListener
		void on(StockShortage event) {
			shortages.add(event);
		}

	}

}
