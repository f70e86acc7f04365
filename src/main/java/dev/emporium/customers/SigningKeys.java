package dev.emporium.customers;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token keys kept in customers' schema, so that every instance on the database signs
 * and verifies with the same ones; the first instance to need a key makes it. Read again
 * every half minute, and at once for a token signed by a key another instance made.
 */
class SigningKeys implements TokenKeys {

	private static final Duration REREAD = Duration.ofSeconds(30);

	private static final Duration MIN_REREAD = Duration.ofSeconds(1);

	/** The clock skew Spring Security's timestamp validation allows a token. */
	private static final Duration SKEW = Duration.ofSeconds(60);

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Duration verifiedAfterRetirement;

	private final Clock clock;

	private volatile Snapshot snapshot;

	SigningKeys(JdbcClient jdbc, PlatformTransactionManager transactions, Duration tokenLifetime, Clock clock) {
		this.jdbc = jdbc;
		// Its own transactions: the first key may be made inside a caller's read-only
		// one.
		var own = new TransactionTemplate(transactions);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transactions = own;
		this.verifiedAfterRetirement = tokenLifetime.plus(SKEW);
		this.clock = clock;
	}

	@Override
	public RSAKey signing() {
		return current().keys().get(0);
	}

	@Override
	public List<RSAKey> verifying() {
		return current().keys();
	}

	@Override
	public List<RSAKey> refreshed() {
		var last = snapshot;
		return (last != null && last.readAt().plus(MIN_REREAD).isAfter(clock.instant())) ? last.keys() : read().keys();
	}

	@Override
	public RSAKey rotate() {
		transactions.executeWithoutResult(status -> {
			lock();
			jdbc.sql("UPDATE customers.signing_key SET retired_at = now() WHERE retired_at IS NULL").update();
			insertNewKey();
			jdbc.sql("DELETE FROM customers.signing_key WHERE retired_at < now() - :kept * interval '1 millisecond'")
				.param("kept", verifiedAfterRetirement.toMillis())
				.update();
		});
		return read().keys().get(0);
	}

	private Snapshot current() {
		var last = snapshot;
		return (last != null && last.readAt().plus(REREAD).isAfter(clock.instant())) ? last : read();
	}

	private Snapshot read() {
		var keys = transactions.execute(status -> {
			if (!hasSigningKey()) {
				lock();
				if (!hasSigningKey()) {
					insertNewKey();
				}
			}
			return jdbc.sql("""
					SELECT private_key FROM customers.signing_key
					 WHERE retired_at IS NULL OR retired_at > now() - :kept * interval '1 millisecond'
					 ORDER BY retired_at IS NOT NULL, created_at DESC""")
				.param("kept", verifiedAfterRetirement.toMillis())
				.query(String.class)
				.list()
				.stream()
				.map(SigningKeys::parse)
				.toList();
		});
		var read = new Snapshot(keys, clock.instant());
		snapshot = read;
		return read;
	}

	private boolean hasSigningKey() {
		return jdbc.sql("SELECT count(*) FROM customers.signing_key WHERE retired_at IS NULL")
			.query(Integer.class)
			.single() > 0;
	}

	/** Instances starting or rotating at the same moment make one key, not one each. */
	private void lock() {
		jdbc.sql("LOCK TABLE customers.signing_key IN SHARE ROW EXCLUSIVE MODE").update();
	}

	private void insertNewKey() {
		var pem = RsaKeys.generatePem();
		jdbc.sql("INSERT INTO customers.signing_key (key_id, private_key) VALUES (:id, :pem)")
			.param("id", parse(pem).getKeyID())
			.param("pem", pem)
			.update();
	}

	private static RSAKey parse(String pem) {
		try {
			return RsaKeys.fromPem(pem);
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException("A stored token signing key cannot be read", ex);
		}
	}

	private record Snapshot(List<RSAKey> keys, Instant readAt) {
	}

}
