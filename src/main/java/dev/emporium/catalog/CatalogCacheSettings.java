package dev.emporium.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the catalog keeps its public product reads in memory ({@link CachedProducts}).
 *
 * @param timeToLive how long a product read is served from memory; a change made on
 * another instance of the monolith shows here after this at the latest, and zero turns
 * the cache off ({@code EMPORIUM_CATALOG_CACHE_TIME_TO_LIVE})
 * @param maximumSize how many products the cache holds at most
 */
@ConfigurationProperties("emporium.catalog.cache")
record CatalogCacheSettings(@DefaultValue("10s") Duration timeToLive, @DefaultValue("10000") long maximumSize) {
}
