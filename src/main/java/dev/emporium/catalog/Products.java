package dev.emporium.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The catalog's products, looked up by SKU or browsed in SKU order.
 */
interface Products extends Repository<Product, String> {

	Product save(Product product);

	Optional<Product> findById(String sku);

	List<Product> findAllById(Iterable<String> skus);

	boolean existsById(String sku);

	long count();

	/**
	 * A page of the products whose SKU, name or description match an {@code ILIKE}
	 * pattern.
	 */
	@Query(value = """
			SELECT * FROM catalog.product
			WHERE sku ILIKE :pattern OR name ILIKE :pattern OR description ILIKE :pattern
			ORDER BY sku
			LIMIT :limit OFFSET :offset""", rowMapperClass = ProductRows.class)
	List<Product> search(String pattern, int limit, long offset);

	@Query("""
			SELECT count(*) FROM catalog.product
			WHERE sku ILIKE :pattern OR name ILIKE :pattern OR description ILIKE :pattern""")
	long countMatching(String pattern);

}
