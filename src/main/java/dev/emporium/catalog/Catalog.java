package dev.emporium.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's published API: product look-ups for other modules. Read-only, so safe to
 * retry.
 */
public interface Catalog {

	Optional<ProductSummary> findProduct(String sku);

	/**
	 * Looks up several products at once; SKUs that name no product are left out of the
	 * answer.
	 */
	List<ProductSummary> findProducts(Collection<String> skus);

}
