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

/**
 * The catalog's cache of public product reads: a Caffeine cache in Spring Boot's cache
 * manager whose entries expire after {@link CatalogCacheSettings#timeToLive()}, reached
 * through a resolver that defers evictions made in a transaction until it commits.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CatalogCacheConfiguration {

	/** The cache of {@link CachedProducts}, by SKU. */
	static final String PRODUCTS = "catalog.products";

	/** The name of the resolver every catalog cache operation goes through. */
	static final String AFTER_COMMIT = "catalogCacheResolver";

	@Bean
	CacheManagerCustomizer<CaffeineCacheManager> catalogProductCache(CatalogCacheSettings settings) {
		return caches -> caches.registerCustomCache(PRODUCTS,
				Caffeine.newBuilder()
					.expireAfterWrite(settings.timeToLive())
					.maximumSize(settings.maximumSize())
					.recordStats()
					.build());
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
