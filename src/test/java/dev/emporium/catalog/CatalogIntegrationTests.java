package dev.emporium.catalog;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;

import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ApplicationModuleTest
class CatalogIntegrationTests {

	private static final Money PRICE = Money.of("12.50", "EUR");

	@Autowired
	CatalogManagement management;

	@Autowired
	Catalog catalog;

	@Test
	void findsAddedProductThroughThePublishedApi() {
		management.add("FIND-001", "Mug", "Stoneware", PRICE);

		assertThat(catalog.findProduct("FIND-001")).contains(new ProductSummary("FIND-001", "Mug", PRICE));
		assertThat(catalog.findProduct("FIND-404")).isEmpty();
	}

	@Test
	void leavesUnknownSkusOutOfBulkLookUps() {
		management.add("BULK-001", "One", "", PRICE);
		management.add("BULK-002", "Two", "", Money.of("3", "EUR"));

		assertThat(catalog.findProducts(List.of("BULK-001", "BULK-002", "BULK-404", "BULK-001")))
			.extracting(ProductSummary::sku)
			.containsExactlyInAnyOrder("BULK-001", "BULK-002");
		assertThat(catalog.findProducts(List.of())).isEmpty();
	}

	@Test
	void announcesAPriceChange(Scenario scenario) {
		management.add("PRICE-001", "Mug", "Stoneware", PRICE);
		var newPrice = Money.of("13.00", "EUR");

		scenario.stimulate(() -> management.update("PRICE-001", "Mug", "Stoneware", newPrice))
			.andWaitForEventOfType(ProductPriceChanged.class)
			.matching(changed -> changed.sku().equals("PRICE-001"))
			.toArriveAndVerify(changed -> {
				assertThat(changed.previousPrice()).isEqualTo(PRICE);
				assertThat(changed.price()).isEqualTo(newPrice);
			});
	}

	@Test
	void announcesNoPriceChangeWhenOnlyTheDescriptionChanges(PublishedEvents events) {
		management.add("PRICE-002", "Mug", "Stoneware", PRICE);

		management.update("PRICE-002", "Mug", "Porcelain", PRICE);

		assertThat(events.ofType(ProductPriceChanged.class).matching(changed -> changed.sku().equals("PRICE-002")))
			.isEmpty();
	}

	@Test
	void rejectsSecondProductWithTheSameSku() {
		management.add("DUP-001", "Original", "", PRICE);

		assertThatExceptionOfType(DuplicateSkuException.class)
			.isThrownBy(() -> management.add("DUP-001", "Copy", "", PRICE));
		assertThat(management.product("DUP-001").name()).isEqualTo("Original");
	}

	@Test
	void letsExactlyOneOfTwoConcurrentAddsOfTheSameSkuWin() throws Exception {
		var start = new CountDownLatch(1);
		Callable<Product> add = () -> {
			start.await();
			return management.add("RACE-001", "Racer", "", PRICE);
		};
		var executor = Executors.newFixedThreadPool(2);
		try {
			var first = executor.submit(add);
			var second = executor.submit(add);
			start.countDown();

			var outcomes = List.of(outcome(first), outcome(second));

			assertThat(outcomes).containsExactlyInAnyOrder("added", "duplicate");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void updatesProductAndBumpsItsVersion() {
		management.add("UPD-001", "Mug", "Old", PRICE);

		management.update("UPD-001", "Big mug", "New", Money.of("14.00", "EUR"));

		var product = management.product("UPD-001");
		assertThat(product.name()).isEqualTo("Big mug");
		assertThat(product.price()).isEqualTo(Money.of("14.00", "EUR"));
	}

	@Test
	void rejectsUpdateOfUnknownProduct() {
		assertThatExceptionOfType(ProductNotFoundException.class)
			.isThrownBy(() -> management.update("NOPE-001", "Mug", "", PRICE));
	}

	@Test
	void browsesByTextIgnoringCaseInSkuOrderPageByPage() {
		management.add("SRCH-003", "Tea cup", "Porcelain", PRICE);
		management.add("SRCH-001", "Coffee QUOKKA", "Stoneware", PRICE);
		management.add("SRCH-002", "Plate", "Goes with the quokka", PRICE);
		management.add("SRCH-004", "Spoon", "Steel", PRICE);

		var first = management.browse("Quokka", PageRequest.of(0, 1));
		var second = management.browse("Quokka", PageRequest.of(1, 1));

		assertThat(first.getTotalElements()).isEqualTo(2);
		assertThat(first.getContent()).extracting(Product::sku).containsExactly("SRCH-001");
		assertThat(second.getContent()).extracting(Product::sku).containsExactly("SRCH-002");
		assertThat(management.browse("srch-00", PageRequest.of(0, 10)).getContent()).extracting(Product::sku)
			.containsExactly("SRCH-001", "SRCH-002", "SRCH-003", "SRCH-004");
	}

	@Test
	void treatsLikeWildcardsInTheFilterAsPlainText() {
		management.add("WILD-001", "100% cotton", "", PRICE);
		management.add("WILD-002", "Cotton", "", PRICE);

		assertThat(management.browse("0% c", PageRequest.of(0, 10)).getContent()).extracting(Product::sku)
			.containsExactly("WILD-001");
		assertThat(management.browse("_", PageRequest.of(0, 10)).getContent()).isEmpty();
	}

	private static String outcome(Future<Product> future) throws InterruptedException {
		try {
			future.get();
			return "added";
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof DuplicateSkuException) {
				return "duplicate";
			}
			throw new AssertionError(ex.getCause());
		}
	}

}
