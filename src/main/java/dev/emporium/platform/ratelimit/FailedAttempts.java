package dev.emporium.platform.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.emporium.platform.ratelimit.RateLimitSettings.Backoff;

/**
 * The failed attempts of each account and client address pair, in
 * {@code platform.failed_attempt}, and until when the pair is held back.
 */
final class FailedAttempts {

	private final JdbcClient jdbc;

	private final Clock clock;

	FailedAttempts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The pair's recent failures, if any within the backoff's memory. */
	Optional<Failures> of(String key, Backoff backoff) {
		return jdbc.sql("""
				SELECT failures, blocked_until FROM platform.failed_attempt
				WHERE id = :id AND last_failed_at >= :since""")
			.param("id", key)
			.param("since", Timestamp.from(clock.instant().minus(backoff.forgetAfter())))
			.query((row, number) -> new Failures(row.getInt("failures"),
					Optional.ofNullable(row.getTimestamp("blocked_until")).map(Timestamp::toInstant).orElse(null)))
			.optional();
	}

	/** Counts one more failure and holds the pair back as the backoff says. */
	void failed(String key, Backoff backoff) {
		var now = clock.instant();
		int failures = jdbc.sql("""
				INSERT INTO platform.failed_attempt AS f (id, failures, last_failed_at)
				VALUES (:id, 1, :now)
				ON CONFLICT (id) DO UPDATE
				  SET failures = CASE WHEN f.last_failed_at < :since THEN 1 ELSE f.failures + 1 END,
				      last_failed_at = :now
				RETURNING failures""")
			.param("id", key)
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(backoff.forgetAfter())))
			.query(Integer.class)
			.single();
		var delay = backoff.after(failures);
		jdbc.sql("UPDATE platform.failed_attempt SET blocked_until = :until WHERE id = :id")
			.param("id", key)
			.param("until", delay.isZero() ? null : Timestamp.from(now.plus(delay)))
			.update();
	}

	void succeeded(String key) {
		jdbc.sql("DELETE FROM platform.failed_attempt WHERE id = :id").param("id", key).update();
	}

	/** Deletes a batch of pairs that failed last before the given instant. */
	int forgetBefore(Instant instant, int batch) {
		return jdbc.sql("""
				DELETE FROM platform.failed_attempt WHERE id IN (
				  SELECT id FROM platform.failed_attempt WHERE last_failed_at < :before LIMIT :batch
				  FOR UPDATE SKIP LOCKED)""").param("before", Timestamp.from(instant)).param("batch", batch).update();
	}

	/**
	 * @param count failures in a row, within the backoff's memory
	 * @param blockedUntil until when the pair is held back, or {@code null}
	 */
	record Failures(int count, Instant blockedUntil) {
	}

}
