package dev.emporium.platform.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the registry's queries on 100,000 completed publications and a backlog of
 * 1,000 incomplete ones, with and without the platform's partial indexes, and the index
 * sizes after the completions (non-HOT updates) and after a vacuum. Writes the figures to
 * {@code target/event-registry-indexes.txt} (summarized in docs/events-runbook.md).
 */
@SpringBootTest(properties = { "emporium.events.check-interval=1h", "emporium.events.startup-staleness=1h" })
class EventRegistryIndexTests {

	static final String CLAIM = """
			SELECT id FROM events.event_publication
			 WHERE completion_date IS NULL
			   AND ((status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
			         AND coalesce(last_resubmission_date, publication_date) < now() - interval '1 minute')
			     OR (status = 'FAILED' AND completion_attempts < 5
			         AND coalesce(last_resubmission_date, publication_date) < now() - interval '5 seconds'))
			 ORDER BY publication_date LIMIT 100 FOR UPDATE SKIP LOCKED""";

	static final String MODULITH_FAILED = """
			SELECT * FROM events.event_publication
			 WHERE status = 'FAILED' OR (status IS NULL AND completion_date IS NULL) AND publication_date < now()
			 ORDER BY publication_date ASC LIMIT 100""";

	static final String MODULITH_COUNT_RESUBMITTED = "SELECT count(id) FROM events.event_publication WHERE status = 'RESUBMITTED'";

	static final String RETENTION = """
			SELECT id FROM events.event_publication
			 WHERE completion_date < now() - interval '7 days' AND (status = 'COMPLETED' OR status IS NULL)
			 ORDER BY completion_date LIMIT 1000 FOR UPDATE SKIP LOCKED""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionOperations transactions;

	@Test
	void incompleteAndFailedLookupsUseThePartialIndexesOnAHundredThousandCompletedPublications() throws IOException {
		jdbc.sql(
				"""
						INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event, publication_date,
						                                      status, completion_attempts, last_resubmission_date)
						SELECT gen_random_uuid(), 'dev.emporium.bench.Listener.on(dev.emporium.bench.Event)', 'dev.emporium.bench.Event',
						       '{"eventId":"' || gen_random_uuid() || '","orderId":"' || gen_random_uuid() || '"}',
						       now() - interval '3 days' + i * interval '1 second', 'PUBLISHED', 1,
						       now() - interval '3 days' + i * interval '1 second'
						  FROM generate_series(1, 101000) AS i""")
			.update();
		// Completions as the registry makes them, in chunks: PROCESSING, then COMPLETED.
		for (int chunk = 0; chunk < 10; chunk++) {
			var range = "id IN (SELECT id FROM events.event_publication WHERE completion_date IS NULL AND status <> 'FAILED' ORDER BY publication_date LIMIT 10000)";
			jdbc.sql("UPDATE events.event_publication SET status = 'PROCESSING' WHERE " + range).update();
			jdbc.sql(
					"UPDATE events.event_publication SET status = 'COMPLETED', completion_date = publication_date + interval '1 second' WHERE status = 'PROCESSING'")
				.update();
		}
		jdbc.sql(
				"""
						UPDATE events.event_publication SET status = 'FAILED', completion_attempts = 5
						 WHERE id IN (SELECT id FROM events.event_publication WHERE completion_date IS NULL ORDER BY publication_date LIMIT 100)""")
			.update();
		jdbc.sql("ANALYZE events.event_publication").update();

		var report = new StringBuilder();
		report.append("== index sizes after 100,000 completions (before vacuum)\n").append(sizes());
		report.append("\n== with the platform's indexes (V2)\n").append(plans());
		transactions.executeWithoutResult(status -> {
			jdbc.sql("DROP INDEX events.event_publication_incomplete_idx").update();
			jdbc.sql("DROP INDEX events.event_publication_failed_idx").update();
			jdbc.sql("DROP INDEX events.event_publication_completed_idx").update();
			jdbc.sql(
					"CREATE INDEX event_publication_by_completion_date_idx ON events.event_publication (completion_date)")
				.update();
			report.append("\n== with Modulith's indexes only (V1)\n").append(plans());
			status.setRollbackOnly();
		});
		jdbc.sql("VACUUM events.event_publication").update();
		report.append("\n== index sizes after VACUUM\n").append(sizes());
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/event-registry-indexes.txt"), report);

		var withIndexes = report.substring(report.indexOf("== with the platform's"),
				report.indexOf("== with Modulith's"));
		assertThat(withIndexes).contains("event_publication_incomplete_idx", "event_publication_failed_idx",
				"event_publication_completed_idx");
		assertThat(withIndexes).doesNotContain("Seq Scan");
	}

	private String plans() {
		var text = new StringBuilder();
		for (var query : List.of(CLAIM, MODULITH_FAILED, MODULITH_COUNT_RESUBMITTED, RETENTION)) {
			text.append("-- ").append(query.lines().findFirst().orElseThrow().strip()).append(" ...\n");
			jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + query)
				.query(String.class)
				.list()
				.forEach(line -> text.append(line).append('\n'));
		}
		return text.toString();
	}

	private String sizes() {
		return String.join("\n",
				jdbc.sql("""
						SELECT c.relname || ': ' || pg_size_pretty(pg_relation_size(c.oid))
						  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
						 WHERE n.nspname = 'events' AND c.relname LIKE 'event_publication%' ORDER BY c.relname""")
					.query(String.class)
					.list())
				+ "\n";
	}

}
