package dev.emporium.platform.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the modules' inbox rows ({@code <module>.inbox}) older than the retention, in
 * bounded batches, but never one younger than the oldest incomplete publication, which
 * may still be delivered again (docs/events.md, "How an event is delivered").
 */
@Component
class InboxRetention {

	private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

	private static final int MAX_BATCHES_PER_INBOX = 1000;

	private final JdbcClient jdbc;

	private final EventDeliverySettings settings;

	InboxRetention(JdbcClient jdbc, EventDeliverySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * Deletes expired inbox rows; called on the platform's schedule.
	 * @return how many were deleted
	 */
	int deleteExpired() {
		var cutoff = cutoff();
		int total = 0;
		for (var schema : inboxSchemas()) {
			total += deleteFrom(schema, cutoff);
		}
		if (total > 0) {
			log.info("Forgot {} applied event IDs older than {}", total, cutoff);
		}
		return total;
	}

	private Instant cutoff() {
		var retained = Instant.now().minus(settings.retention().inbox());
		var oldestIncomplete = jdbc
			.sql("SELECT min(publication_date) FROM events.event_publication WHERE completion_date IS NULL")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
		return oldestIncomplete.filter(oldest -> oldest.isBefore(retained)).orElse(retained);
	}

	// Found by name: the inboxes of exactly the modules whose schemas live here.
	private List<String> inboxSchemas() {
		return jdbc.sql("""
				SELECT table_schema FROM information_schema.tables
				 WHERE table_name = 'inbox' AND table_type = 'BASE TABLE'
				 ORDER BY table_schema""").query(String.class).list();
	}

	private int deleteFrom(String schema, Instant cutoff) {
		var table = "\"" + schema.replace("\"", "\"\"") + "\".inbox";
		int batchSize = settings.retention().batchSize();
		int total = 0;
		for (int batch = 0; batch < MAX_BATCHES_PER_INBOX; batch++) {
			int deleted = jdbc
				.sql("""
						DELETE FROM %1$s
						 WHERE ctid = ANY (ARRAY (SELECT ctid FROM %1$s WHERE applied_at < :cutoff LIMIT :batchSize))"""
					.formatted(table))
				.param("cutoff", Timestamp.from(cutoff))
				.param("batchSize", batchSize)
				.update();
			total += deleted;
			if (deleted < batchSize) {
				break;
			}
		}
		return total;
	}

}
