package dev.emporium.orders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.emporium.catalog.Catalog;
import dev.emporium.catalog.ProductSummary;
import dev.emporium.inventory.StockReservationRequested;
import dev.emporium.shared.Address;
import dev.emporium.shared.Redeliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;

@ApplicationModuleTest
@Import(Redeliveries.class)
class IdempotentPlacementIntegrationTests {

	static final List<RequestedLine> MUGS = List.of(new RequestedLine("MUG-001", 2));

	@MockitoBean
	Catalog catalog;

	@Autowired
	OrderManagement management;

	@Autowired
	Redeliveries recorded;

	// @ApplicationModuleTest shares one test instance between the methods
	UUID customerId;

	@BeforeEach
	void catalogKnowsTheMug() {
		customerId = UUID.randomUUID();
		given(catalog.findProducts(anyCollection())).willAnswer(invocation -> {
			// slow enough for concurrent requests to pass the look-up before any commits
			Thread.sleep(50);
			Collection<?> skus = invocation.getArgument(0);
			return OrderManagementIntegrationTests.PRODUCTS.stream()
				.filter(product -> skus.contains(product.sku()))
				.toList();
		});
	}

	@Test
	void answersARepeatedRequestWithTheFirstOrderAndPlacesNothingNew() {
		var first = place(MUGS, OrderTests.ADDRESS, "key-1");
		var second = place(MUGS, OrderTests.ADDRESS, "key-1");

		assertThat(first.replayed()).isFalse();
		assertThat(second.replayed()).isTrue();
		assertThat(second.order().id()).isEqualTo(first.order().id());
		assertThat(second.order().createdAt()).isEqualTo(first.order().createdAt());
		assertThat(recorded.published(OrderPlaced.class, placed -> placed.orderId().equals(first.order().id())))
			.hasSize(1);
		assertThat(recorded.published(StockReservationRequested.class,
				requested -> requested.orderId().equals(first.order().id())))
			.hasSize(1);
	}

	@Test
	void rejectsTheSameKeyWithADifferentRequest() {
		place(MUGS, OrderTests.ADDRESS, "key-2");

		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> place(List.of(new RequestedLine("MUG-001", 3)), OrderTests.ADDRESS, "key-2"));
		var elsewhere = new Address("Ada Lovelace", "1 Other Street", null, "London", "N1 1AA", "GB");
		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> place(MUGS, elsewhere, "key-2"));
	}

	@Test
	void keysAreScopedToTheCustomer() {
		var mine = place(MUGS, OrderTests.ADDRESS, "shared-key");
		var theirs = management.place(UUID.randomUUID(), MUGS, OrderTests.ADDRESS, "tok_visa", "shared-key");

		assertThat(theirs.replayed()).isFalse();
		assertThat(theirs.order().id()).isNotEqualTo(mine.order().id());
	}

	@Test
	void placesSeparateOrdersWithoutAKey() {
		var first = place(MUGS, OrderTests.ADDRESS, null);
		var second = place(MUGS, OrderTests.ADDRESS, null);

		assertThat(second.order().id()).isNotEqualTo(first.order().id());
		assertThat(second.replayed()).isFalse();
	}

	@Test
	void placesOneOrderForConcurrentRequestsWithTheSameKey() throws Exception {
		var threads = 10;
		var start = new CountDownLatch(1);
		var executor = Executors.newFixedThreadPool(threads);
		try {
			var results = new ArrayList<Future<OrderManagement.Placement>>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return place(MUGS, OrderTests.ADDRESS, "concurrent-key");
				}));
			}
			start.countDown();
			var placements = new ArrayList<OrderManagement.Placement>();
			for (var result : results) {
				placements.add(result.get(30, TimeUnit.SECONDS));
			}

			var id = placements.get(0).order().id();
			assertThat(placements).extracting(placement -> placement.order().id()).containsOnly(id);
			assertThat(placements).filteredOn(placement -> !placement.replayed()).hasSize(1);
			assertThat(recorded.published(OrderPlaced.class, placed -> placed.customerId().equals(customerId)))
				.hasSize(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	OrderManagement.Placement place(List<RequestedLine> lines, Address address, String key) {
		return management.place(customerId, lines, address, "tok_visa", key);
	}

}
