package dev.emporium.catalog;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.cache.interceptor.SimpleCacheResolver;
import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.PagedModel;

/**
 * The catalog's caches of public reads, one of products and one of pages of the catalog:
 * Caffeine caches in Spring Boot's cache manager whose entries expire after
 * {@link CatalogCacheSettings#timeToLive()}, each holding at most
 * {@link CatalogCacheSettings#maximumSize()} products, reached through a resolver that
 * defers evictions made in a transaction until it commits.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CatalogCacheConfiguration {

	/** The cache of {@link CachedProducts}, by SKU. */
	static final String PRODUCTS = "catalog.products";

	/**
	 * The cache of {@link CachedProducts#page}, by text and page; a page weighs as many
	 * products as it holds, and one more for its place in the cache.
	 */
	static final String PAGES = "catalog.pages";

	/** The name of the resolver every catalog cache operation goes through. */
	static final String AFTER_COMMIT = "catalogCacheResolver";

	@Bean
	CacheManagerCustomizer<CaffeineCacheManager> catalogCaches(CatalogCacheSettings settings) {
		return caches -> {
			caches.registerCustomCache(PRODUCTS,
					Caffeine.newBuilder()
						.expireAfterWrite(settings.timeToLive())
						.maximumSize(settings.maximumSize())
						.recordStats()
						.build());
			caches.registerCustomCache(PAGES,
					Caffeine.newBuilder()
						.expireAfterWrite(settings.timeToLive())
						.maximumWeight(settings.maximumSize())
						.weigher((Object key, Object page) -> ((PagedModel<?>) page).getContent().size() + 1)
						.recordStats()
						.build());
		};
	}

	/**
	 * Evictions (and puts) made while a transaction runs happen after it commits, and not
	 * at all when it rolls back: evicting earlier would let a concurrent read cache the
	 * old row again before the change is visible.
	 */
	@Bean(AFTER_COMMIT)
	CacheResolver catalogCacheResolver(CacheManager caches) {
		return new SimpleCacheResolver(new TransactionAwareCacheManagerProxy(caches));
	}

}
