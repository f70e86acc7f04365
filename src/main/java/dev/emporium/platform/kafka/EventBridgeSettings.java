package dev.emporium.platform.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the inbound bridge keeps trying to republish a record that failed for a reason
 * that may pass (the database is down) before it sends the record to the dead-letter
 * topic. A record that can never be read goes there at once.
 *
 * @param initialBackoff the pause after the first failure
 * @param maxBackoff the longest pause; below the consumer's {@code max.poll.interval.ms}
 * (5 minutes by default)
 * @param giveUpAfter how long the retries of one record may take in all; meanwhile its
 * partition waits, keeping the records behind it in order
 */
@ConfigurationProperties("emporium.events.bridge")
record EventBridgeSettings(@DefaultValue("1s") Duration initialBackoff, @DefaultValue("1m") Duration maxBackoff,
		@DefaultValue("10m") Duration giveUpAfter) {
}
