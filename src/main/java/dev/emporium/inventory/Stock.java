package dev.emporium.inventory;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The stock of one SKU: how many are on hand and how many of those are reserved for
 * orders. Never reserves more than is on hand and never goes negative.
 */
@Table(schema = "inventory", name = "stock")
class Stock {

	/** The most a SKU may have on hand, far below {@link Integer#MAX_VALUE}. */
	static final int MAX_ON_HAND = 1_000_000_000;

	@Id
	private final String sku;

	private int onHand;

	private int reserved;

	@Version
	private Long version;

	@PersistenceCreator
	Stock(String sku, int onHand, int reserved, Long version) {
		this.sku = sku;
		this.onHand = onHand;
		this.reserved = reserved;
		this.version = version;
	}

	Stock(String sku) {
		this(sku, 0, 0, null);
	}

	void restock(int quantity) {
		requirePositive(quantity);
		if (quantity > MAX_ON_HAND - onHand) {
			throw new StockLimitExceededException(sku, MAX_ON_HAND);
		}
		onHand += quantity;
	}

	boolean canReserve(long quantity) {
		return quantity > 0 && quantity <= available();
	}

	void reserve(int quantity) {
		requirePositive(quantity);
		if (!canReserve(quantity)) {
			throw new IllegalStateException(
					"Only %d of %s available, %d requested".formatted(available(), sku, quantity));
		}
		reserved += quantity;
	}

	void release(int quantity) {
		requireReserved(quantity);
		reserved -= quantity;
	}

	void commit(int quantity) {
		requireReserved(quantity);
		reserved -= quantity;
		onHand -= quantity;
	}

	String sku() {
		return sku;
	}

	int onHand() {
		return onHand;
	}

	int reserved() {
		return reserved;
	}

	int available() {
		return onHand - reserved;
	}

	private void requireReserved(int quantity) {
		requirePositive(quantity);
		if (quantity > reserved) {
			throw new IllegalStateException("Only %d of %s reserved, %d requested".formatted(reserved, sku, quantity));
		}
	}

	private static void requirePositive(int quantity) {
		if (quantity <= 0) {
			throw new IllegalArgumentException("A quantity must be positive, got " + quantity);
		}
	}

}
