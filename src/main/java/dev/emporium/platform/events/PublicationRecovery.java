package dev.emporium.platform.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers again what was lost or failed: once when the instance is ready (publications a
 * crashed process left, older than the startup staleness), then every check interval
 * (stale publications, and failed ones whose backoff has elapsed). Replaces Spring
 * Modulith's republication on restart, which resubmits every incomplete publication,
 * including those another live instance is processing.
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
