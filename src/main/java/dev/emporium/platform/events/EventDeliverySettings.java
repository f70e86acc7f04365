package dev.emporium.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform delivers, retries, recovers and forgets event publications.
 *
 * @param staleness how long a publication may stay PUBLISHED, PROCESSING or RESUBMITTED
 * before it is presumed lost and delivered again; above the slowest listener's run time
 * @param startupStaleness the same, once when this instance starts, so that what a
 * crashed process left is delivered again at once
 * @param checkInterval the pause between two recovery passes
 * @param batchSize how many publications recovery claims at once
 * @param retry how failed publications are retried
 * @param retention how long completed publications are kept
 */
@ConfigurationProperties("emporium.events")
record EventDeliverySettings(@DefaultValue("1m") Duration staleness, @DefaultValue("5s") Duration startupStaleness,
		@DefaultValue("10s") Duration checkInterval, @DefaultValue("100") int batchSize, @DefaultValue Retry retry,
		@DefaultValue Retention retention) {

	/**
	 * Exponential backoff for failed publications, then parking.
	 *
	 * @param maxAttempts deliveries (the first included) before a failed publication is
	 * parked: left FAILED and no longer retried
	 * @param initialBackoff the pause after the first failure
	 * @param multiplier the factor applied to the pause after each further failure
	 * @param maxBackoff the longest pause
	 */
	record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("5s") Duration initialBackoff,
			@DefaultValue("2") double multiplier, @DefaultValue("5m") Duration maxBackoff) {

		Duration backoff(int attempts) {
			var millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(attempts, 1) - 1);
			return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
		}

	}

	/**
	 * Deletion of completed publications and old inbox rows.
	 *
	 * @param completed how long a completed publication is kept after its completion
	 * @param cleanupInterval the pause between two cleanups
	 * @param batchSize how many rows one delete statement removes at most
	 * @param inbox the least time the modules' inboxes remember an applied event ID;
	 * longer while an older publication is incomplete
	 */
	record Retention(@DefaultValue("7d") Duration completed, @DefaultValue("1h") Duration cleanupInterval,
			@DefaultValue("1000") int batchSize, @DefaultValue("7d") Duration inbox) {
	}

}
