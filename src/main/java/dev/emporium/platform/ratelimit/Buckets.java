package dev.emporium.platform.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import dev.emporium.platform.ratelimit.RateLimitSettings.Quota;

/**
 * Bucket4j's token buckets, one row each in {@code platform.rate_limit_bucket}, taken
 * with {@code SELECT ... FOR UPDATE}, so that all instances on the database draw from the
 * same bucket.
 */
final class Buckets {

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	Buckets(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
		this.buckets = buckets;
	}

	/**
	 * Takes one request from the key's bucket.
	 * @return zero when taken, else how long until one is there again
	 */
	Duration take(String key, Quota quota) {
		var probe = bucket(buckets, key, quota).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/** Deletes a batch of buckets that are full again, which a new request recreates. */
	int removeExpired(int batch) {
		return buckets.removeExpired(batch);
	}

	private static io.github.bucket4j.Bucket bucket(ProxyManager<String> buckets, String key, Quota quota) {
		return buckets.builder()
			.build(key,
					() -> BucketConfiguration.builder()
						.addLimit(limit -> limit.capacity(quota.requests()).refillGreedy(quota.requests(), quota.per()))
						.build());
	}

}
