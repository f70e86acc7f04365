package dev.emporium.platform.datamove;

import static dev.emporium.platform.datamove.Database.identifier;
import static dev.emporium.platform.datamove.ModuleSchema.literal;

/**
 * Logical replication of a module's schema: a publication of all its tables on the
 * source, a subscription on the target that copies what is there (copy_data) and then
 * applies every change as it commits.
 */
final class Replication {

	private final ModuleSchema source;

	private final ModuleSchema target;

	private final String name;

	private final String module;

	Replication(ModuleSchema source, ModuleSchema target, String module) {
		this.source = source;
		this.target = target;
		this.module = module;
		this.name = "emporium_move_" + module;
	}

	void start() {
		source.database()
			.execute("CREATE PUBLICATION " + identifier(name) + " FOR TABLES IN SCHEMA " + identifier(module));
		// Not in a transaction: creating the subscription creates its slot on the source.
		target.database()
			.execute("CREATE SUBSCRIPTION " + identifier(name) + " CONNECTION " + literal(source.database().conninfo())
					+ " PUBLICATION " + identifier(name) + " WITH (copy_data = true)");
	}

	/**
	 * Whether every table's initial copy is done and the subscription streams changes.
	 */
	boolean copied() {
		var tables = target.database().count("""
				SELECT count(*) FROM pg_subscription_rel r JOIN pg_subscription s ON s.oid = r.srsubid
				 WHERE s.subname = ?""", name);
		var ready = target.database().count("""
				SELECT count(*) FROM pg_subscription_rel r JOIN pg_subscription s ON s.oid = r.srsubid
				 WHERE s.subname = ? AND r.srsubstate = 'r'""", name);
		return tables > 0 && tables == ready && tables == source.tables().size();
	}

	/**
	 * Ends the replication: the subscription (and its slot on the source), the
	 * publication.
	 */
	void stop() {
		target.database().execute("DROP SUBSCRIPTION IF EXISTS " + identifier(name));
		source.database().execute("DROP PUBLICATION IF EXISTS " + identifier(name));
	}

	/** What an earlier run that was interrupted may have left. */
	void clear() {
		stop();
		source.database()
			.execute(
					"SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ? AND NOT active",
					name);
	}

}
