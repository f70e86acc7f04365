package dev.emporium.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the catalog keeps its public reads in memory ({@link CachedProducts}).
 *
 * @param timeToLive how long a product read or a page of the catalog is served from
 * memory; a change made on another instance of the monolith shows here after this at the
 * latest, and zero turns the caches off ({@code EMPORIUM_CATALOG_CACHE_TIME_TO_LIVE})
 * @param maximumSize how many products each cache holds at most, a cached page counting
 * the products on it
 */
@ConfigurationProperties("emporium.catalog.cache")
record CatalogCacheSettings(@DefaultValue("10s") Duration timeToLive, @DefaultValue("10000") long maximumSize) {
}
