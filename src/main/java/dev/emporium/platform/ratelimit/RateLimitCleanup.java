package dev.emporium.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes, in batches, the buckets that are full again (a new request recreates them) and
 * the failures older than the longest memory of any backoff; safe on every instance.
 */
final class RateLimitCleanup {

	private static final int BATCH = 1000;

	private final RateLimitSettings settings;

	private final Buckets buckets;

	private final FailedAttempts failures;

	private final Clock clock;

	RateLimitCleanup(RateLimitSettings settings, Buckets buckets, FailedAttempts failures, Clock clock) {
		this.settings = settings;
		this.buckets = buckets;
		this.failures = failures;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${emporium.rate-limits.cleanup-interval:1h}",
			initialDelayString = "${emporium.rate-limits.cleanup-interval:1h}")
	void cleanUp() {
		while (buckets.removeExpired(BATCH) >= BATCH) {
			// the next batch
		}
		var longest = settings.limits() == null ? Duration.ZERO
				: settings.limits()
					.values()
					.stream()
					.filter(limit -> limit.backoff() != null)
					.map(limit -> limit.backoff().forgetAfter())
					.max(Duration::compareTo)
					.orElse(Duration.ZERO);
		var before = clock.instant().minus(longest);
		while (failures.forgetBefore(before, BATCH) >= BATCH) {
			// the next batch
		}
	}

}
