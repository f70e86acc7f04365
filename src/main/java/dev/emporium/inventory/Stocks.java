package dev.emporium.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The stock of every SKU. Explicit SQL, not derived queries, on the checkout's path
 * (docs/architecture.md, "Data").
 */
interface Stocks extends Repository<Stock, String> {

	Optional<Stock> findById(String sku);

	/**
	 * Locks the stock rows of these SKUs ({@code SELECT ... FOR UPDATE}) in SKU order, so
	 * that transactions locking overlapping SKUs never deadlock.
	 */
	@Query("SELECT * FROM inventory.stock WHERE sku IN (:skus) ORDER BY sku FOR UPDATE")
	List<Stock> findLockedBySkuInOrderBySkuAsc(Collection<String> skus);

	@Query("SELECT * FROM inventory.stock WHERE sku = :sku FOR UPDATE")
	Optional<Stock> findLockedBySku(String sku);

	Stock save(Stock stock);

	long count();

	/**
	 * Creates a SKU's stock row unless it exists already, safely when several
	 * transactions try at once.
	 * @return whether this call created it
	 */
	@Modifying
	@Query("""
			INSERT INTO inventory.stock (sku, on_hand, reserved, version) VALUES (:sku, :onHand, 0, 0)
			ON CONFLICT (sku) DO NOTHING""")
	boolean createIfAbsent(String sku, int onHand);

}
