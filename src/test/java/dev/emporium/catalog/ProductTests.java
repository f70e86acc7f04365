package dev.emporium.catalog;

import org.junit.jupiter.api.Test;

import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProductTests {

	private static final Money PRICE = Money.of("12.50", "EUR");

	@Test
	void createsNewProductWithTrimmedDetails() {
		var product = Product.create("MUG-001", "  Mug ", null, PRICE);

		assertThat(product.isNew()).isTrue();
		assertThat(product.name()).isEqualTo("Mug");
		assertThat(product.description()).isEmpty();
		assertThat(product.toSummary()).isEqualTo(new ProductSummary("MUG-001", "Mug", PRICE));
	}

	@Test
	void rejectsMalformedSkus() {
		for (var sku : new String[] { "mug-001", "-MUG", "M", "MUG 001", "A".repeat(41), "" }) {
			assertThatExceptionOfType(InvalidProductException.class).as(sku)
				.isThrownBy(() -> Product.create(sku, "Mug", "", PRICE));
		}
		assertThat(Product.create("A".repeat(40), "Mug", "", PRICE).sku()).hasSize(40);
	}

	@Test
	void rejectsPricesThatAreNotPositive() {
		assertThatExceptionOfType(InvalidProductException.class)
			.isThrownBy(() -> Product.create("MUG-001", "Mug", "", Money.zero("EUR")));
		assertThatExceptionOfType(InvalidProductException.class)
			.isThrownBy(() -> Product.create("MUG-001", "Mug", "", Money.of("-1.00", "EUR")));
		assertThatExceptionOfType(InvalidProductException.class)
			.isThrownBy(() -> Product.create("MUG-001", "Mug", "", null));
	}

	@Test
	void rejectsCurrenciesWithMoreDecimalPlacesThanStored() {
		assertThatExceptionOfType(InvalidProductException.class)
			.isThrownBy(() -> Product.create("MUG-001", "Mug", "", Money.of("1.250", "KWD")));
	}

	@Test
	void rejectsBlankNames() {
		assertThatExceptionOfType(InvalidProductException.class)
			.isThrownBy(() -> Product.create("MUG-001", " ", "", PRICE));
	}

	@Test
	void updatesNameDescriptionAndPrice() throws InterruptedException {
		var product = Product.create("MUG-001", "Mug", "Old", PRICE);
		var created = product.updatedAt();
		Thread.sleep(2);

		product.update("Big mug", "New", Money.of("14.00", "EUR"));

		assertThat(product.name()).isEqualTo("Big mug");
		assertThat(product.description()).isEqualTo("New");
		assertThat(product.price()).isEqualTo(Money.of("14", "EUR"));
		assertThat(product.updatedAt()).isAfter(created);
		assertThat(product.createdAt()).isEqualTo(created);
	}

	@Test
	void keepsItsStateWhenAnUpdateIsInvalid() {
		var product = Product.create("MUG-001", "Mug", "Old", PRICE);

		assertThatExceptionOfType(InvalidProductException.class)
			.isThrownBy(() -> product.update("Mug", "Old", Money.zero("EUR")));

		assertThat(product.price()).isEqualTo(PRICE);
	}

}
