package dev.emporium.catalog;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

import dev.emporium.catalog.ProductController.ProductResponse;

/**
 * The public product read, answered from memory for up to the cache's time-to-live and
 * from {@link CatalogManagement} on a miss. Not transactional, so that a hit borrows no
 * connection; it caches the immutable response, never the {@link Product} aggregate.
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

}
