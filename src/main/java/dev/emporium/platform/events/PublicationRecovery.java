package dev.emporium.platform.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers again what was lost or failed, once when the instance is ready and then every
 * check interval, in place of Spring Modulith's republication on restart, which takes no
 * claim (docs/events.md, "How an event is delivered").
 */
@Component
class PublicationRecovery {

	private static final Logger log = LoggerFactory.getLogger(PublicationRecovery.class);

	private final PublicationClaims claims;

	private final EventDeliverySettings settings;

	PublicationRecovery(PublicationClaims claims, EventDeliverySettings settings) {
		this.claims = claims;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void recoverAtStartup() {
		recover(settings.startupStaleness(), "at startup");
	}

	/**
	 * One recovery pass; called on the platform's schedule.
	 */
	void recoverStaleAndFailed() {
		recover(settings.staleness(), "");
	}

	private void recover(Duration staleness, String when) {
		try {
			var claimed = claims.resubmitDue(staleness);
			if (!claimed.isEmpty()) {
				log.info("Resubmitted {} stale or failed event publications {}", claimed.size(), when);
			}
		}
		catch (RuntimeException ex) {
			// The next pass tries again; a failing pass must not end the schedule.
			log.warn("Recovering event publications failed: {}", ex.toString());
		}
	}

}
