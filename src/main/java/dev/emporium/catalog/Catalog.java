package dev.emporium.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The catalog's published API: read-only product look-ups for other modules, safe to
 * retry. Its exchange annotations make it the catalog's HTTP contract too: an extracted
 * catalog is called through a client generated from this interface.
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
