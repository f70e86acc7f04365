package dev.emporium.platform.events;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Claims the due publications (stale, or failed with their backoff elapsed) for this
 * instance alone, in one {@code FOR UPDATE SKIP LOCKED} statement that leaves them FAILED
 * with a lease, and hands exactly those to Spring Modulith's resubmission
 * (docs/events.md, "How an event is delivered").
 */
@Component
class PublicationClaims {

	private static final String CLAIM = """
			UPDATE events.event_publication AS publication
			   SET status = 'FAILED', last_resubmission_date = now()
			 WHERE publication.id IN (
			       SELECT id FROM events.event_publication AS candidate
			        WHERE completion_date IS NULL
			          AND ((status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
			                AND coalesce(last_resubmission_date, publication_date) < now() - :staleness * interval '1 millisecond')
			            OR (status = 'FAILED' AND completion_attempts < :maxAttempts
			                AND greatest(coalesce(last_resubmission_date, publication_date),
			                    (SELECT failed_at FROM events.publication_failure WHERE publication_id = candidate.id))
			                    < now() - least(
			                    :initialBackoff * power(:multiplier, greatest(completion_attempts, 1) - 1),
			                    :maxBackoff) * interval '1 millisecond'))
			        ORDER BY publication_date
			        LIMIT :batchSize
			        FOR UPDATE SKIP LOCKED)
			RETURNING publication.id""";

	private final JdbcClient jdbc;

	private final FailedEventPublications failed;

	private final EventDeliverySettings settings;

	PublicationClaims(JdbcClient jdbc, FailedEventPublications failed, EventDeliverySettings settings) {
		this.jdbc = jdbc;
		this.failed = failed;
		this.settings = settings;
	}

	/**
	 * Claims the publications due for delivery and resubmits them.
	 * @param staleness after how long an unfinished publication counts as lost
	 * @return the identifiers claimed
	 */
	Set<UUID> resubmitDue(Duration staleness) {
		var retry = settings.retry();
		var claimed = Set.copyOf(jdbc.sql(CLAIM)
			.param("staleness", staleness.toMillis())
			.param("maxAttempts", retry.maxAttempts())
			.param("initialBackoff", retry.initialBackoff().toMillis())
			.param("multiplier", retry.multiplier())
			.param("maxBackoff", retry.maxBackoff().toMillis())
			.param("batchSize", settings.batchSize())
			.query(UUID.class)
			.list());
		resubmit(claimed);
		return claimed;
	}

	/**
	 * How many of the given publications are not completed yet.
	 */
	int outstanding(Collection<UUID> publications) {
		return jdbc.sql("SELECT count(*) FROM events.event_publication WHERE id IN (:ids) AND completion_date IS NULL")
			.param("ids", publications)
			.query(Integer.class)
			.single();
	}

	/**
	 * Marks one incomplete publication FAILED with its attempts reset, claimed by this
	 * instance, if it is FAILED now.
	 * @return whether it was claimed
	 */
	boolean claimFailedForRetry(UUID id) {
		return jdbc.sql("""
				UPDATE events.event_publication
				   SET completion_attempts = 0, last_resubmission_date = now()
				 WHERE id = :id AND status = 'FAILED' AND completion_date IS NULL""").param("id", id).update() == 1;
	}

	/**
	 * Hands claimed (FAILED) publications to Modulith's resubmission, and only them.
	 */
	void resubmit(Collection<UUID> claimed) {
		if (claimed.isEmpty()) {
			return;
		}
		// Modulith reads the oldest FAILED publications, at most the batch size minus
		// those RESUBMITTED, and filters them in memory: the window must hold ours.
		var window = jdbc.sql("""
				SELECT count(*) FROM events.event_publication WHERE status IN ('FAILED', 'RESUBMITTED')""")
			.query(Integer.class)
			.single();
		var options = ResubmissionOptions.defaults()
			.withBatchSize(window + claimed.size() + 1)
			.withFilter(publication -> claimed.contains(publication.getIdentifier()));
		failed.resubmit(options);
	}

}
