package dev.emporium.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

import dev.emporium.shared.Money;

/**
 * A product on sale, identified by the SKU staff chose for it.
 */
@Table(schema = "catalog", name = "product")
class Product {

	static final String SKU_PATTERN = "[A-Z0-9][A-Z0-9-]{1,39}";

	/** The largest price the column ({@code NUMERIC(12, 2)}) holds. */
	static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

	private static final Pattern SKU = Pattern.compile(SKU_PATTERN);

	@Id
	private final String sku;

	private String name;

	private String description;

	@Embedded.Nullable(prefix = "price_")
	private Money price;

	private final Instant createdAt;

	private Instant updatedAt;

	// The id is chosen by staff, so a null version is what tells a new product apart.
	@Version
	private Long version;

	@PersistenceCreator
	Product(String sku, String name, String description, Money price, Instant createdAt, Instant updatedAt,
			Long version) {
		this.sku = sku;
		this.name = name;
		this.description = description;
		this.price = price;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static Product create(String sku, String name, String description, Money price) {
		if (sku == null || !SKU.matcher(sku).matches()) {
			throw new InvalidProductException(
					"SKU '%s' must be 2 to 40 upper-case letters, digits or dashes, not starting with a dash"
						.formatted(sku));
		}
		var now = Instant.now();
		var product = new Product(sku, null, null, null, now, now, null);
		product.change(name, description, price);
		return product;
	}

	void update(String name, String description, Money price) {
		change(name, description, price);
		this.updatedAt = Instant.now();
	}

	ProductSummary toSummary() {
		return new ProductSummary(sku, name, price);
	}

	private void change(String name, String description, Money price) {
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new InvalidProductException("A product name of 1 to 200 characters is required");
		}
		if (description != null && description.length() > 2000) {
			throw new InvalidProductException("A product description has at most 2000 characters");
		}
		if (price == null || !price.isPositive()) {
			throw new InvalidProductException("A product price must be positive, got " + price);
		}
		if (price.amount().compareTo(MAX_PRICE) > 0) {
			throw new InvalidProductException("A product price is at most " + MAX_PRICE.toPlainString());
		}
		if (price.amount().scale() > 2) {
			throw new InvalidProductException("Prices in %s cannot be stored: at most 2 decimal places are supported"
				.formatted(price.currency()));
		}
		this.name = name.strip();
		this.description = description == null ? "" : description.strip();
		this.price = price;
	}

	String sku() {
		return sku;
	}

	String name() {
		return name;
	}

	String description() {
		return description;
	}

	Money price() {
		return price;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	boolean isNew() {
		return version == null;
	}

}
