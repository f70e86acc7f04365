package dev.emporium.platform.datamove;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.emporium.platform.datamove.ModuleSchema.TableSum;

/**
 * {@code bin/extract [--back] MODULE}: moves a module's schema from the monolith's
 * database to its service's (or back) while the shop runs. The copy is made and kept up
 * to date by logical replication; the cut-over holds client traffic, waits until no event
 * is under way, fences the source, waits until the copy equals it table by table, and
 * sets the sequences (docs/extraction.md, "Moving the data"). Run from the jar by
 * {@code bin/extract}; every failure is one line, and a cut-over that fails releases the
 * traffic it held and leaves the source as it was.
 */
public final class DataMove {

	private static final Logger log = LoggerFactory.getLogger("bin/extract");

	private static final Duration POLL = Duration.ofMillis(200);

	private final MoveSettings settings;

	private final Instant began = Instant.now();

	/** Once set, the target holds the live data: nothing may undo the move any more. */
	private boolean switched;

	private DataMove(MoveSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] arguments) {
		try {
			new DataMove(MoveSettings.from(arguments, System.getenv())).run();
			System.exit(0);
		}
		catch (DataMoveException ex) {
			log.error("bin/extract: {}", ex.getMessage());
			System.exit(1);
		}
		catch (RuntimeException ex) {
			log.error("bin/extract: failed unexpectedly: {}", ex.toString(), ex);
			System.exit(1);
		}
	}

	private void run() {
		var module = settings.module();
		try (var monolith = settings.monolithDatabase(); var service = settings.serviceDatabase()) {
			var source = new ModuleSchema(settings.back() ? service : monolith, module);
			var target = new ModuleSchema(settings.back() ? monolith : service, module);
			say("moving %s's data from the %s database (%s) to the %s database (%s)", module, source.database().name(),
					source.database().jdbcUrl(), target.database().name(), target.database().jdbcUrl());
			check(source, target);
			var replication = new Replication(source, target, module);
			replication.clear();
			target.fence().ifPresent(fence -> {
				say("discarding the stale copy in the %s database (%s)", target.database().name(), fence);
				target.lowerFence();
				target.truncate();
			});
			try {
				replication.start();
				await("the initial copy", settings.copyTimeout(), replication::copied);
				say("initial copy done: %d rows; the copy follows the source until the cut-over", target.rows());
				cutOver(source, target, replication, monolith, service);
			}
			catch (RuntimeException ex) {
				if (!switched) {
					abandon(replication, target);
				}
				throw ex;
			}
		}
	}

	/**
	 * Ends a move that failed: the target, never the live side, is emptied so that the
	 * next run starts from scratch.
	 */
	private static void abandon(Replication replication, ModuleSchema target) {
		try {
			replication.clear();
			target.truncate();
		}
		catch (DataMoveException cleanup) {
			log.warn("bin/extract: could not clean up after the failure: {}", cleanup.getMessage());
		}
	}

	private void check(ModuleSchema source, ModuleSchema target) {
		var module = settings.module();
		var wal = source.database().value("SHOW wal_level");
		if (!"logical".equals(wal)) {
			throw new DataMoveException("the " + source.database().name() + " database runs with wal_level=" + wal
					+ ": set wal_level=logical and restart it (the embedded server does by itself once restarted)");
		}
		for (var side : new ModuleSchema[] { source, target }) {
			if (!side.exists() || side.migration().isEmpty()) {
				throw new DataMoveException("the " + side.database().name() + " database has no schema " + module
						+ " with its migrations: start the " + (side.database().name().equals("service")
								? "service (--emporium.service=" + module + ")" : "monolith")
						+ " on it once, its migrations create it");
			}
		}
		if (!source.migration().equals(target.migration())) {
			throw new DataMoveException("the " + source.database().name() + " database has " + module + " at migration "
					+ source.migration().get() + ", the " + target.database().name() + " database at "
					+ target.migration().get() + ": run both with the same jar");
		}
		source.fence().ifPresent(fence -> {
			throw new DataMoveException(module + "'s data in the " + source.database().name()
					+ " database is a stale copy (" + fence + "): the live data is in the " + target.database().name()
					+ " database" + (settings.back() ? "; bin/extract " + module + " moves it out"
							: "; bin/extract --back " + module + " brings it back"));
		});
		var rows = target.rows();
		if (rows > 0 && target.fence().isEmpty()) {
			throw new DataMoveException("the " + target.database().name() + " database already holds " + rows
					+ " rows of " + module + " that no move left there: refusing to overwrite them (start the "
					+ (settings.back() ? "monolith" : "service")
					+ " on an empty database with --emporium.demo.enabled=false)");
		}
		var unidentified = source.tablesWithoutReplicaIdentity();
		if (!unidentified.isEmpty()) {
			throw new DataMoveException("tables " + unidentified + " of " + module
					+ " have no primary key: logical replication cannot copy their updates and deletes");
		}
	}

	private void cutOver(ModuleSchema source, ModuleSchema target, Replication replication, Database monolith,
			Database service) {
		var holds = new TrafficHolds(settings.monolithUrls(), settings.adminEmail(), settings.adminPassword());
		var outboxes = new Outbox[] { new Outbox(monolith, settings.module(), settings.maxAttempts()),
				new Outbox(service, settings.module(), settings.maxAttempts()) };
		var fenced = false;
		try (var kafka = settings.kafkaBootstrapServers().map(KafkaLag::new).orElse(null)) {
			holds.holdAll();
			var held = Instant.now();
			say("holding client traffic on %s (503 with Retry-After)", holds.instances());
			await("the events under way", settings.cutOverTimeout(), () -> quiet(outboxes, kafka) == null,
					() -> quiet(outboxes, kafka));
			say("no event under way after %.1f s", seconds(held));
			source.raiseFence(target.database().name() + " database " + target.database().jdbcUrl());
			fenced = true;
			for (var outbox : outboxes) {
				var left = outbox.forTheModule();
				if ((settings.back() || outbox.database() == source.database()) && left > 0) {
					throw new DataMoveException(left + " event publications for " + settings.module()
							+ " or Kafka are incomplete in the " + outbox.database().name()
							+ " database (parked?): resolve them (GET /api/v1/admin/events/failed) and run again");
				}
			}
			await("the copy to equal the source", settings.cutOverTimeout(), () -> source.sums().equals(target.sums()));
			var sums = source.sums();
			var sequences = source.sequences();
			target.setSequences(sequences);
			replication.stop();
			switched = true;
			report(sums, sequences);
			say("switched after %.1f s of held traffic: %s's data is in the %s database, the copy in the %s database "
					+ "refuses writes", seconds(held), settings.module(), target.database().name(),
					source.database().name());
			say("now %s",
					settings.back()
							? "stop the service, then restart the monolith without emporium.modules."
									+ settings.module() + ".*"
							: "restart the monolith with emporium.modules." + settings.module()
									+ ".mode=remote and .url of the service");
		}
		catch (RuntimeException ex) {
			if (switched) {
				throw ex;
			}
			try {
				if (fenced) {
					source.lowerFence();
				}
			}
			finally {
				holds.releaseAll();
			}
			throw (ex instanceof DataMoveException move)
					? new DataMoveException(move.getMessage() + "; nothing was switched, traffic is released", move)
					: ex;
		}
	}

	/** What is still under way, or null when nothing is. */
	private static String quiet(Outbox[] outboxes, KafkaLag kafka) {
		for (var outbox : outboxes) {
			var underWay = outbox.underWay();
			if (underWay > 0) {
				return underWay + " event publications under way in the " + outbox.database().name() + " database";
			}
		}
		if (kafka != null) {
			var lags = kafka.byGroup();
			if (lags.values().stream().anyMatch(lag -> lag > 0)) {
				return "records not read yet on Kafka: " + lags;
			}
		}
		return null;
	}

	private void report(Map<String, TableSum> sums, Map<String, Long> sequences) {
		sums.forEach((table, sum) -> say("  %s.%s: %d rows, checksum %s on both sides", settings.module(), table,
				sum.rows(), sum.checksum().isEmpty() ? "-" : sum.checksum()));
		say("  sequences: %s", sequences.isEmpty() ? "none" : sequences);
	}

	private static void await(String what, Duration timeout, BooleanSupplier done) {
		await(what, timeout, done, () -> null);
	}

	private static void await(String what, Duration timeout, BooleanSupplier done, Supplier<String> state) {
		var deadline = Instant.now().plus(timeout);
		while (!done.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				var left = state.get();
				throw new DataMoveException("gave up waiting for " + what + " after " + timeout.toSeconds() + " s"
						+ ((left != null) ? " (" + left + ")" : "")
						+ " (EMPORIUM_EXTRACT_CUT_OVER_TIMEOUT, EMPORIUM_EXTRACT_COPY_TIMEOUT)");
			}
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DataMoveException("interrupted while waiting for " + what, ex);
			}
		}
	}

	private void say(String format, Object... arguments) {
		log.info("bin/extract: [{}] {}", "%5.1fs".formatted(seconds(began)), format.formatted(arguments));
	}

	private static double seconds(Instant since) {
		return Duration.between(since, Instant.now()).toMillis() / 1000.0;
	}

}
