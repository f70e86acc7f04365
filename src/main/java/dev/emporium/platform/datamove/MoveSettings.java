package dev.emporium.platform.datamove;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.emporium.platform.topology.ModuleIndex;

/**
 * What {@code bin/extract} is told: the module and the direction by arguments, where the
 * databases, the monolith's instances, the broker and the staff account are by the same
 * environment variables the application reads.
 */
record MoveSettings(String module, boolean back, Map<String, String> environment) {

	static final String USAGE = "usage: bin/extract [--back] MODULE";

	static MoveSettings from(String[] arguments, Map<String, String> environment) {
		var back = arguments.length == 2 && arguments[0].equals("--back");
		if (!(arguments.length == 1 && !arguments[0].startsWith("-")) && !back) {
			throw new DataMoveException(USAGE);
		}
		var module = arguments[arguments.length - 1];
		var modules = ModuleIndex.read(MoveSettings.class.getClassLoader()).modules();
		if (!modules.contains(module)) {
			throw new DataMoveException("no module '" + module + "'; the modules are " + modules);
		}
		return new MoveSettings(module, back, Map.copyOf(environment));
	}

	/** SPRING_DATASOURCE_URL, or the embedded server of the monolith's data directory. */
	Database monolithDatabase() {
		return database("monolith", "SPRING_DATASOURCE", "EMPORIUM_EMBEDDED_POSTGRES_DATA_DIRECTORY", "data/postgres",
				"start the monolith first");
	}

	/**
	 * EMPORIUM_SERVICE_DATASOURCE_URL, or the embedded server of the service's data
	 * directory.
	 */
	Database serviceDatabase() {
		return database("service", "EMPORIUM_SERVICE_DATASOURCE", "EMPORIUM_SERVICE_DATA_DIRECTORY",
				"data/" + module + "/postgres", "start the service first (--emporium.service=" + module
						+ " --emporium.demo.enabled=false), its migrations create the schema");
	}

	private Database database(String name, String prefix, String directoryVariable, String defaultDirectory,
			String hint) {
		var url = get(prefix + "_URL");
		if (url.isPresent()) {
			return Database.at(name, url.get(), get(prefix + "_USERNAME").orElse(null),
					get(prefix + "_PASSWORD").orElse(null));
		}
		return Database.embedded(name, Path.of(get(directoryVariable).orElse(defaultDirectory)), hint);
	}

	/** Every instance of the monolith, each held during the cut-over. */
	List<URI> monolithUrls() {
		return Arrays.stream(get("EMPORIUM_MONOLITH_URL").orElse("http://localhost:8080").split(","))
			.map(String::trim)
			.filter(url -> !url.isEmpty())
			.map(URI::create)
			.toList();
	}

	/**
	 * The broker whose consumer groups must have read everything: always when the module
	 * comes back (the monolith then reads no topic), and when one is configured.
	 */
	Optional<String> kafkaBootstrapServers() {
		var configured = get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
		return back ? Optional.of(configured.orElse("localhost:9092")) : configured;
	}

	String adminEmail() {
		return get("EMPORIUM_ADMIN_EMAIL").orElse(null);
	}

	String adminPassword() {
		return get("EMPORIUM_ADMIN_PASSWORD").orElse(null);
	}

	/** emporium.events.retry.max-attempts: a publication failed that often is parked. */
	int maxAttempts() {
		return Integer.parseInt(get("EMPORIUM_EVENTS_RETRY_MAX_ATTEMPTS").orElse("5"));
	}

	Duration copyTimeout() {
		return Duration.ofSeconds(Long.parseLong(get("EMPORIUM_EXTRACT_COPY_TIMEOUT").orElse("600")));
	}

	/** How long the cut-over may hold traffic waiting for events and the copy. */
	Duration cutOverTimeout() {
		return Duration.ofSeconds(Long.parseLong(get("EMPORIUM_EXTRACT_CUT_OVER_TIMEOUT").orElse("60")));
	}

	private Optional<String> get(String variable) {
		return Optional.ofNullable(environment.get(variable)).map(String::trim).filter(value -> !value.isEmpty());
	}

}
