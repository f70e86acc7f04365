package dev.emporium.platform.events;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;

/**
 * Keeps the error of the last failed delivery of each publication, which Spring Modulith
 * does not store, in {@code events.publication_failure}: the exception's type and
 * message, its causes and its top frames, bounded in size.
 */
@Component
class PublicationFailures {

	static final int MAX_ERROR_LENGTH = 4000;

	private static final int TOP_FRAMES = 8;

	private static final Logger log = LoggerFactory.getLogger(PublicationFailures.class);

	private final Map<Method, String> listenerIds = new ConcurrentHashMap<>();

	private final JsonMapper json;

	private final JdbcClient jdbc;

	PublicationFailures(JsonMapper json, JdbcClient jdbc) {
		this.json = json;
		this.jdbc = jdbc;
	}

	/**
	 * Records that the listener method failed on the event. The publication is the
	 * incomplete one of this listener with the same serialized event (what Modulith
	 * matches completions by); events carry an ID, so it is unique.
	 */
	void record(Method listener, Object event, Throwable failure) {
		try {
			var listenerId = listenerIds.computeIfAbsent(listener, PublicationFailures::listenerId);
			// Modulith's JacksonEventSerializer writes events with this same JsonMapper.
			int recorded = jdbc
				.sql("""
						INSERT INTO events.publication_failure (publication_id, attempts, last_error, failed_at)
						SELECT id, completion_attempts, :error, now() FROM events.event_publication
						 WHERE serialized_event = :event AND listener_id = :listener AND completion_date IS NULL
						 ORDER BY publication_date LIMIT 1
						ON CONFLICT (publication_id) DO UPDATE
						   SET attempts = excluded.attempts, last_error = excluded.last_error, failed_at = excluded.failed_at""")
				.param("error", describe(failure))
				.param("event", json.writeValueAsString(event))
				.param("listener", listenerId)
				.update();
			if (recorded == 0) {
				log.warn("No incomplete publication of listener {} found to record its failure {}", listenerId,
						failure.toString());
			}
		}
		catch (RuntimeException ex) {
			// Never hide the listener's own failure behind the failure to record it.
			log.warn("Could not record the failure of listener {}: {}", listener, ex.toString());
		}
	}

	static String describe(Throwable failure) {
		var text = new StringBuilder(failure.toString());
		var frames = failure.getStackTrace();
		for (int i = 0; i < Math.min(TOP_FRAMES, frames.length); i++) {
			text.append("\n\tat ").append(frames[i]);
		}
		for (var cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			text.append("\nCaused by: ").append(cause);
		}
		return text.length() <= MAX_ERROR_LENGTH ? text.toString() : text.substring(0, MAX_ERROR_LENGTH);
	}

	// The identifier Spring Modulith registers the listener's publications under.
	private static String listenerId(Method method) {
		return new TransactionalApplicationListenerMethodAdapter("listener", method.getDeclaringClass(), method)
			.getListenerId();
	}

}
