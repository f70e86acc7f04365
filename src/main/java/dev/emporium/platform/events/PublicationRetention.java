package dev.emporium.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes completed publications older than the retention period, in bounded batches
 * rather than with Spring Modulith's one unbounded {@code DELETE}, and without archiving
 * them (docs/events.md, "How an event is delivered").
 */
@Component
class PublicationRetention {

	private static final Logger log = LoggerFactory.getLogger(PublicationRetention.class);

	private static final int MAX_BATCHES_PER_RUN = 1000;

	private final JdbcClient jdbc;

	private final EventDeliverySettings settings;

	PublicationRetention(JdbcClient jdbc, EventDeliverySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * Deletes expired completed publications; called on the platform's schedule.
	 * @return how many were deleted
	 */
	int deleteExpired() {
		var retention = settings.retention();
		int total = 0;
		for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
			int deleted = jdbc.sql("""
					DELETE FROM events.event_publication
					 WHERE id IN (SELECT id FROM events.event_publication
					               WHERE completion_date < now() - :retention * interval '1 millisecond'
					                 AND (status = 'COMPLETED' OR status IS NULL)
					               ORDER BY completion_date
					               LIMIT :batchSize
					               FOR UPDATE SKIP LOCKED)""")
				.param("retention", retention.completed().toMillis())
				.param("batchSize", retention.batchSize())
				.update();
			total += deleted;
			if (deleted < retention.batchSize()) {
				break;
			}
		}
		if (total > 0) {
			log.info("Deleted {} event publications completed more than {} ago", total, retention.completed());
		}
		return total;
	}

}
