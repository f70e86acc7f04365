package dev.emporium.platform.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.emporium.shared.ProblemException;

/**
 * What staff can see and do about event publications: list the failed ones with their
 * errors, count them per module, event type and status, retry one now or discard it.
 */
@Service
class EventPublicationAdmin {

	private static final Logger audit = LoggerFactory.getLogger("dev.emporium.audit.events");

	private static final int MAX_LISTED = 500;

	private final JdbcClient jdbc;

	private final PublicationClaims claims;

	private final EventDeliverySettings settings;

	EventPublicationAdmin(JdbcClient jdbc, PublicationClaims claims, EventDeliverySettings settings) {
		this.jdbc = jdbc;
		this.claims = claims;
		this.settings = settings;
	}

	/**
	 * The failed publications, oldest first, optionally of one module (the listener's, or
	 * {@code kafka} for sends to Kafka) and one event type (its fully qualified or simple
	 * name).
	 */
	List<FailedPublication> failed(String module, String eventType) {
		var sql = new StringBuilder("""
				SELECT p.id, p.listener_id, p.event_type, p.publication_date, p.completion_attempts,
				       f.last_error, f.failed_at
				  FROM events.event_publication p
				  LEFT JOIN events.publication_failure f ON f.publication_id = p.id
				 WHERE p.status = 'FAILED' AND p.completion_date IS NULL""");
		var params = new TreeMap<String, Object>();
		if (module != null && !module.isBlank()) {
			sql.append(" AND p.listener_id LIKE :listenerPrefix");
			params.put("listenerPrefix", ListenerModules.prefix(module) + "%");
		}
		if (eventType != null && !eventType.isBlank()) {
			sql.append(" AND (p.event_type = :eventType OR p.event_type LIKE :eventSuffix)");
			params.put("eventType", eventType);
			params.put("eventSuffix", "%." + eventType);
		}
		sql.append(" ORDER BY p.publication_date LIMIT " + MAX_LISTED);
		return jdbc.sql(sql.toString()).params(params).query(this::failedPublication).list();
	}

	/**
	 * How many publications there are per module, event type and status (PARKED: failed
	 * and no longer retried).
	 */
	List<Count> summary() {
		var counts = new TreeMap<String, Count>();
		jdbc.sql("""
				SELECT listener_id, event_type,
				       CASE WHEN status = 'FAILED' AND completion_attempts >= :maxAttempts THEN 'PARKED'
				            ELSE coalesce(status, 'COMPLETED') END AS state,
				       count(*) AS publications
				  FROM events.event_publication
				 GROUP BY 1, 2, 3""").param("maxAttempts", settings.retry().maxAttempts()).query(rs -> {
			var count = new Count(ListenerModules.of(rs.getString("listener_id")), rs.getString("event_type"),
					rs.getString("state"), rs.getLong("publications"));
			counts.merge(count.module() + " " + count.eventType() + " " + count.status(), count, Count::plus);
		});
		return new ArrayList<>(counts.values());
	}

	/**
	 * Delivers a failed publication again now, with its attempts counted from zero.
	 */
	void retry(UUID id) {
		if (!claims.claimFailedForRetry(id)) {
			throw notRetryable(id);
		}
		claims.resubmit(List.of(id));
	}

	/**
	 * Deletes an incomplete publication, writing what it was to the audit log.
	 */
	void discard(UUID id, String staff) {
		var discarded = jdbc.sql("""
				DELETE FROM events.event_publication WHERE id = :id AND completion_date IS NULL
				RETURNING listener_id, event_type, status, completion_attempts, serialized_event""")
			.param("id", id)
			.query((rs, row) -> Map.of("listener", rs.getString("listener_id"), "eventType", rs.getString("event_type"),
					"status", String.valueOf(rs.getString("status")), "attempts", rs.getInt("completion_attempts"),
					"event", rs.getString("serialized_event")))
			.optional()
			.orElseThrow(() -> completedOrUnknown(id));
		audit.warn("Event publication {} discarded by {}: listener {}, {} {}, status {} after {} attempts", id, staff,
				discarded.get("listener"), discarded.get("eventType"), discarded.get("event"), discarded.get("status"),
				discarded.get("attempts"));
	}

	private RuntimeException notRetryable(UUID id) {
		var status = jdbc.sql("SELECT coalesce(status, 'COMPLETED') FROM events.event_publication WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new EventPublicationNotFoundException(id));
		return "COMPLETED".equals(status) ? new EventPublicationConflictException(id, "is already completed")
				: new EventPublicationConflictException(id, "is " + status + ", not FAILED: it is being delivered");
	}

	private RuntimeException completedOrUnknown(UUID id) {
		var exists = jdbc.sql("SELECT count(*) FROM events.event_publication WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single() > 0;
		return exists ? new EventPublicationConflictException(id, "is already completed")
				: new EventPublicationNotFoundException(id);
	}

	private FailedPublication failedPublication(ResultSet rs, int row) throws SQLException {
		var listener = rs.getString("listener_id");
		var failedAt = rs.getTimestamp("failed_at");
		int attempts = rs.getInt("completion_attempts");
		return new FailedPublication(rs.getObject("id", UUID.class), listener, ListenerModules.of(listener),
				rs.getString("event_type"), rs.getTimestamp("publication_date").toInstant(), attempts,
				rs.getString("last_error"), failedAt == null ? null : failedAt.toInstant(),
				attempts >= settings.retry().maxAttempts());
	}

	/**
	 * A failed publication and its last error.
	 */
	record FailedPublication(UUID id, String listener, String module, String eventType, Instant publicationDate,
			int attempts, String lastError, Instant failedAt, boolean parked) {
	}

	/**
	 * The number of publications of one module's listeners, event type and status.
	 */
	record Count(String module, String eventType, String status, long publications) {

		Count plus(Count other) {
			return new Count(module, eventType, status, publications + other.publications);
		}

	}

	/**
	 * No publication has the given ID.
	 */
	static class EventPublicationNotFoundException extends ProblemException {

		EventPublicationNotFoundException(UUID id) {
			super(HttpStatus.NOT_FOUND, "event-publication-not-found", "Event publication not found",
					"No event publication " + id);
		}

	}

	/**
	 * The publication is not in a state that allows the operation.
	 */
	static class EventPublicationConflictException extends ProblemException {

		EventPublicationConflictException(UUID id, String state) {
			super(HttpStatus.CONFLICT, "event-publication-not-retryable", "Event publication not retryable",
					"Event publication " + id + " " + state);
		}

	}

}
