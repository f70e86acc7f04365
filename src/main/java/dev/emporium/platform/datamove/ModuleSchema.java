package dev.emporium.platform.datamove;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.emporium.platform.datamove.Database.identifier;

/**
 * A module's schema in one database: its tables and their checksums, its sequences, its
 * migration history, and the fence that makes a copy left behind refuse every write.
 */
final class ModuleSchema {

	static final String FENCE = "emporium_moved";

	private static final String FENCE_MARK = "emporium: moved";

	private final Database database;

	private final String module;

	ModuleSchema(Database database, String module) {
		this.database = database;
		this.module = module;
	}

	Database database() {
		return database;
	}

	boolean exists() {
		return database.count("SELECT count(*) FROM pg_namespace WHERE nspname = ?", module) == 1;
	}

	/** The latest migration applied by the module's own Flyway history. */
	Optional<String> migration() {
		var table = "flyway_schema_history_" + module;
		if (database.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = ?",
				table) == 0) {
			return Optional.empty();
		}
		return Optional.ofNullable((String) database.value("SELECT version FROM public." + identifier(table)
				+ " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1"));
	}

	List<String> tables() {
		return database.query("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename", module)
			.stream()
			.map(row -> (String) row.get(0))
			.toList();
	}

	/** Tables whose updates and deletes logical replication could not identify. */
	List<String> tablesWithoutReplicaIdentity() {
		return database.query("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				 WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
				   AND (c.relreplident = 'n'
				        OR (c.relreplident = 'd' AND NOT EXISTS
				            (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)))
				 ORDER BY 1""", module).stream().map(row -> (String) row.get(0)).toList();
	}

	/**
	 * Each table's row count and a checksum of its rows (an md5 over the md5 of every
	 * row's text, in a fixed order), to compare two copies.
	 */
	Map<String, TableSum> sums() {
		var sums = new LinkedHashMap<String, TableSum>();
		for (var table : tables()) {
			var row = database
				.query("SELECT count(*), coalesce(md5(string_agg(r, '' ORDER BY r)), '') FROM "
						+ "(SELECT md5(t::text) AS r FROM " + qualified(table) + " t) rows")
				.get(0);
			sums.put(table, new TableSum(((Number) row.get(0)).longValue(), (String) row.get(1)));
		}
		return sums;
	}

	long rows() {
		return sums().values().stream().mapToLong(TableSum::rows).sum();
	}

	/** The sequences of the schema with the last value handed out (null: none yet). */
	Map<String, Long> sequences() {
		var sequences = new LinkedHashMap<String, Long>();
		database.query("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = ? ORDER BY 1", module)
			.forEach(row -> sequences.put((String) row.get(0),
					(row.get(1) == null) ? null : ((Number) row.get(1)).longValue()));
		return sequences;
	}

	/**
	 * Sets the sequences as the source left them: logical replication copies rows, not
	 * sequences.
	 */
	void setSequences(Map<String, Long> values) {
		values.forEach((sequence, value) -> {
			if (value != null) {
				database.execute("SELECT setval(?::regclass, ?, true)", qualified(sequence), value);
			}
		});
	}

	/** When and where the data was moved away, if this copy is fenced. */
	Optional<String> fence() {
		var comment = (String) database
			.value("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ?", module);
		return Optional.ofNullable(comment).filter(text -> text.startsWith(FENCE_MARK));
	}

	/**
	 * Makes every write to the schema's tables fail, naming where the data went, so that
	 * a process left behind cannot change a copy nobody reads any more.
	 */
	void raiseFence(String movedTo) {
		var where = "moved to " + movedTo + " at " + Instant.now();
		var refusal = module + "'s data was " + where + " by bin/extract: this copy is stale";
		database.execute("CREATE OR REPLACE FUNCTION " + qualified(FENCE)
				+ "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$");
		for (var table : tables()) {
			database.execute("DROP TRIGGER IF EXISTS " + FENCE + " ON " + qualified(table));
			database.execute("CREATE TRIGGER " + FENCE + " BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "
					+ qualified(table) + " FOR EACH STATEMENT EXECUTE FUNCTION " + qualified(FENCE) + "("
					+ literal(refusal) + ")");
		}
		database.execute("COMMENT ON SCHEMA " + identifier(module) + " IS " + literal("emporium: " + where));
	}

	void lowerFence() {
		for (var table : tables()) {
			database.execute("DROP TRIGGER IF EXISTS " + FENCE + " ON " + qualified(table));
		}
		database.execute("DROP FUNCTION IF EXISTS " + qualified(FENCE) + "()");
		database.execute("COMMENT ON SCHEMA " + identifier(module) + " IS NULL");
	}

	/** Empties every table of the schema at once (they may reference each other). */
	void truncate() {
		var tables = tables().stream().map(this::qualified).toList();
		if (!tables.isEmpty()) {
			database.execute("TRUNCATE " + String.join(", ", tables));
		}
	}

	String qualified(String name) {
		return identifier(module) + "." + identifier(name);
	}

	static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/** A table's row count and checksum. */
	record TableSum(long rows, String checksum) {
	}

}
