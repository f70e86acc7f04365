package dev.emporium.platform.datamove;

import org.springframework.modulith.events.support.DelegatingEventExternalizer;

import dev.emporium.platform.topology.ModuleIndex;

/**
 * The event publication registry of one database, as the cut-over reads it: what is still
 * under way, and what of the moving module is parked for staff.
 */
final class Outbox {

	private static final String EXTERNALIZER = DelegatingEventExternalizer.class.getName() + ".";

	private final Database database;

	private final String module;

	private final int maxAttempts;

	Outbox(Database database, String module, int maxAttempts) {
		this.database = database;
		this.module = module;
		this.maxAttempts = maxAttempts;
	}

	/**
	 * Publications not completed and not parked: listeners still to run, events still to
	 * send to Kafka.
	 */
	long underWay() {
		return database.count("""
				SELECT count(*) FROM events.event_publication
				 WHERE completion_date IS NULL
				   AND NOT (status = 'FAILED' AND coalesce(completion_attempts, 0) >= ?)""", maxAttempts);
	}

	/**
	 * Incomplete publications for the module's listeners, or to Kafka: what the other
	 * side could not deliver once the module runs there.
	 */
	long forTheModule() {
		return database.count("""
				SELECT count(*) FROM events.event_publication
				 WHERE completion_date IS NULL AND (listener_id LIKE ? OR listener_id LIKE ?)""",
				ModuleIndex.ROOT_PACKAGE + "." + module + ".%", EXTERNALIZER + "%");
	}

	Database database() {
		return database;
	}

}
