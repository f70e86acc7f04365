package dev.emporium.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;

import dev.emporium.catalog.ProductController.ProductResponse;
import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page cache is bounded by the products on its pages, not by the number of pages: a
 * client asking for many large pages cannot make it hold more than the maximum.
 */
class CatalogCacheConfigurationTests {

	private static final ProductResponse PRODUCT = new ProductResponse("MUG-001", "Mug", "",
			new Money(BigDecimal.TEN, "EUR"));

	@Test
	void holdsAtMostTheMaximumOfProductsOverAllPages() {
		var caches = new CaffeineCacheManager();
		new CatalogCacheConfiguration().catalogCaches(new CatalogCacheSettings(Duration.ofSeconds(10), 250))
			.customize(caches);
		var pages = caches.getCache(CatalogCacheConfiguration.PAGES);

		for (int page = 0; page < 20; page++) {
			pages.put(List.of("", PageRequest.of(page, 100)), page(100));
		}

		@SuppressWarnings("unchecked")
		var cache = (Cache<Object, Object>) pages.getNativeCache();
		cache.cleanUp();
		var weight = cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
		assertThat(weight).isPositive().isLessThanOrEqualTo(250);
		assertThat(cache.estimatedSize()).isLessThanOrEqualTo(2);
	}

	private static PagedModel<ProductResponse> page(int products) {
		return new PagedModel<>(
				new PageImpl<>(Collections.nCopies(products, PRODUCT), PageRequest.of(0, products), 10_000));
	}

}
