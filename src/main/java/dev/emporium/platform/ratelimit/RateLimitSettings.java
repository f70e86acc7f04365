package dev.emporium.platform.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limits of the operations marked {@code @RateLimited}, by name
 * (docs/security.md, "Rate limits").
 *
 * @param enabled whether any limit applies
 * @param trustedProxies addresses or CIDR ranges of the proxies whose
 * {@code X-Forwarded-For} names the client
 * @param cleanupInterval how often buckets and failures no longer needed are deleted
 * @param limits the limits by the name an operation's {@code @RateLimited} gives
 */
@ConfigurationProperties("emporium.rate-limits")
record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue( {
		"127.0.0.0/8", "::1" }) List<String> trustedProxies, @DefaultValue("1h") Duration cleanupInterval,
		@Nullable Map<String, Limit> limits){

	Optional<Limit> limit(String name) {
		return Optional.ofNullable(limits).map(all -> all.get(name));
	}

	/**
	 * One operation's limits; each is off when not set.
	 *
	 * @param perAddress requests from one client address, whatever the account
	 * @param perAccount requests for one account, from any address; with a backoff, only
	 * the requests from addresses that have failed for the account count
	 * @param backoff how an account and address pair is held back after failures (a 401)
	 */
	record Limit(@Nullable Quota perAddress, @Nullable Quota perAccount, @Nullable Backoff backoff) {
	}

	/**
	 * A token bucket: up to {@code requests} at once, refilled at {@code requests} per
	 * {@code per}.
	 */
	record Quota(int requests, Duration per) {

		Quota {
			if (requests < 1 || per == null || per.isZero() || per.isNegative()) {
				throw new IllegalArgumentException(
						"A rate limit needs requests of 1 or more and a positive period, got %d per %s"
							.formatted(requests, per));
			}
		}

	}

	/**
	 * After {@code freeFailures} failures in a row, each further failure holds the pair
	 * back for {@code initial}, doubled each time up to {@code maximum}; a success or
	 * {@code forgetAfter} without failure starts it afresh.
	 */
	record Backoff(@DefaultValue("5") int freeFailures, @DefaultValue("1s") Duration initial,
			@DefaultValue("15m") Duration maximum, @DefaultValue("1h") Duration forgetAfter) {

		Duration after(int failures) {
			if (failures <= freeFailures) {
				return Duration.ZERO;
			}
			var doublings = Math.min(failures - freeFailures - 1, 30);
			var delay = initial.multipliedBy(1L << doublings);
			return delay.compareTo(maximum) > 0 ? maximum : delay;
		}

	}

}
