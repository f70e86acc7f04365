package dev.emporium.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The catalog's published API: product look-ups for other modules. Read-only, so safe to
 * retry.
 * <p>
 * The exchange annotations make the same interface the catalog's HTTP contract: when the
 * catalog runs as a service of its own, the other modules get a client generated from
 * this interface (Spring HTTP interface clients), served by the catalog's
 * {@code CatalogApiController}.
 */
@HttpExchange(url = "/api/v1/catalog", accept = MediaType.APPLICATION_JSON_VALUE)
public interface Catalog {

	/** The most SKUs one look-up may ask for. */
	int MAX_SKUS_PER_LOOKUP = 100;

	default Optional<ProductSummary> findProduct(String sku) {
		return findProducts(List.of(sku)).stream().filter(product -> product.sku().equals(sku)).findFirst();
	}

	/**
	 * Looks up several products at once (at most {@value #MAX_SKUS_PER_LOOKUP}); SKUs
	 * that name no product are left out of the answer.
	 */
	@GetExchange("/product-summaries")
	List<ProductSummary> findProducts(@RequestParam(name = "sku", required = false) Collection<String> skus);

}
