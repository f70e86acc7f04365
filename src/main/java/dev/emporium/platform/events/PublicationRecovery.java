package dev.emporium.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Delivers again what was lost or failed, once the instance is ready and then every check
 * interval, claiming batch after batch as the listeners take them, in place of Spring
 * Modulith's unclaimed republication on restart (docs/events.md).
 */
@Component
class PublicationRecovery {

	private static final Logger log = LoggerFactory.getLogger(PublicationRecovery.class);

	private static final Duration POLL = Duration.ofMillis(50);

	private final PublicationClaims claims;

	private final EventDeliverySettings settings;

	private final TaskScheduler scheduler;

	PublicationRecovery(PublicationClaims claims, EventDeliverySettings settings, TaskScheduler scheduler) {
		this.claims = claims;
		this.settings = settings;
		this.scheduler = scheduler;
	}

	/** Off the main thread, so that a large backlog does not hold readiness back. */
	@EventListener(ApplicationReadyEvent.class)
	void recoverAtStartup() {
		scheduler.schedule(() -> recover(settings.startupStaleness(), "at startup"), Instant.now());
	}

	/**
	 * One recovery pass; called on the platform's schedule.
	 * @return how many publications it resubmitted
	 */
	int recoverStaleAndFailed() {
		return recover(settings.staleness(), "");
	}

	private int recover(Duration staleness, String when) {
		int total = 0;
		try {
			Set<UUID> claimed;
			do {
				claimed = claims.resubmitDue(staleness);
				total += claimed.size();
			}
			while (claimed.size() == settings.batchSize() && taken(claimed, staleness));
		}
		catch (RuntimeException ex) {
			// The next pass tries again; a failing pass must not end the schedule.
			log.warn("Recovering event publications failed: {}", ex.toString());
		}
		if (total > 0) {
			log.info("Resubmitted {} stale or failed event publications {}", total, when);
		}
		return total;
	}

	/**
	 * Waits until the listeners have finished at least half of a batch, so that the next
	 * claim keeps them busy without piling up work that would go stale in a queue.
	 * @return false when they did not within the staleness, or the instance stops
	 */
	private boolean taken(Set<UUID> batch, Duration staleness) {
		var deadline = Instant.now().plus(staleness);
		while (claims.outstanding(batch) > batch.size() / 2) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

}
