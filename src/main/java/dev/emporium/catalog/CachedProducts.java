package dev.emporium.catalog;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Component;

import dev.emporium.catalog.ProductController.ProductResponse;

/**
 * The public reads of the catalog, a product and a page of products, answered from memory
 * for up to the caches' time-to-live and from {@link CatalogManagement} on a miss. Not
 * transactional, so that a hit borrows no connection; it caches the immutable responses,
 * never the {@link Product} aggregate.
 */
@Component
@CacheConfig(cacheNames = CatalogCacheConfiguration.PRODUCTS, cacheResolver = CatalogCacheConfiguration.AFTER_COMMIT)
class CachedProducts {

	private final CatalogManagement catalog;

	CachedProducts(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	/**
	 * The product with this SKU; an unknown SKU throws {@link ProductNotFoundException}
	 * and caches nothing. Concurrent misses for one SKU load it once.
	 */
	@Cacheable(key = "#sku", sync = true)
	ProductResponse product(String sku) {
		return ProductResponse.of(catalog.product(sku));
	}

	/**
	 * A page of the products that contain the text (all of them when it is blank), as
	 * {@link CatalogManagement#browse} finds them. Concurrent misses for one page load it
	 * once.
	 */
	@Cacheable(cacheNames = CatalogCacheConfiguration.PAGES, key = "{#text, #pageable}", sync = true)
	PagedModel<ProductResponse> page(String text, Pageable pageable) {
		return new PagedModel<>(catalog.browse(text, pageable).map(ProductResponse::of));
	}

}
