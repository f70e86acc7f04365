package dev.emporium.catalog;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every implementation of {@link Catalog} promises its callers, run against the
 * local implementation and against the HTTP client generated from the interface.
 */
abstract class CatalogContract {

	private static final Money PRICE = Money.of("12.50", "EUR");

	/** The implementation under test. */
	abstract Catalog catalog();

	/** Adds a product to the catalog behind the implementation under test. */
	abstract void add(String sku, String name, Money price);

	@Test
	void findsAProductWithItsCurrentNameAndPrice() {
		var sku = sku();
		add(sku, "Enamel mug", PRICE);

		assertThat(catalog().findProduct(sku)).contains(new ProductSummary(sku, "Enamel mug", PRICE));
	}

	@Test
	void findsNothingForAnUnknownSku() {
		assertThat(catalog().findProduct(sku())).isEmpty();
	}

	@Test
	void leavesUnknownSkusOutOfBulkLookUpsAndAnswersEachKnownOneOnce() {
		var one = sku();
		var two = sku();
		add(one, "One", PRICE);
		add(two, "Two", Money.of("3.00", "EUR"));

		assertThat(catalog().findProducts(List.of(one, two, sku(), one))).containsExactlyInAnyOrder(
				new ProductSummary(one, "One", PRICE), new ProductSummary(two, "Two", Money.of("3.00", "EUR")));
	}

	@Test
	void answersAnEmptyLookUpWithNothing() {
		assertThat(catalog().findProducts(List.of())).isEmpty();
	}

	@Test
	void looksUpExactlyTheSkuAskedForWhateverItContains() {
		var sku = sku();
		add(sku, "Mug", PRICE);

		assertThat(catalog().findProduct("NOPE&sku=" + sku)).isEmpty();
		assertThat(catalog().findProducts(List.of(sku + ",NOPE", " " + sku))).isEmpty();
	}

	@Test
	void carriesMoneyWithoutLosingScaleOrCurrency() {
		var sku = sku();
		add(sku, "Pricey", Money.of("1234.05", "USD"));

		assertThat(catalog().findProduct(sku)).map(ProductSummary::price).contains(Money.of("1234.05", "USD"));
	}

	private static String sku() {
		return "CONTRACT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
