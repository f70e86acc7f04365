package dev.emporium.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.emporium.endtoend.LocalProcesses;

/**
 * The packaged application as a separate process on a data directory of its own that
 * survives it: it can be killed with SIGKILL, alone or together with its PostgreSQL
 * server, and started again on the same data, HTTP port and database port. Or one of
 * several instances on a database and signing key they share, stopped with SIGTERM or
 * SIGKILL.
 */
final class KillableApplication implements AutoCloseable {

	static final String ADMIN_EMAIL = LocalProcesses.ADMIN_EMAIL;

	static final String ADMIN_PASSWORD = LocalProcesses.ADMIN_PASSWORD;

	private final Path directory;

	private final int port;

	private final int databasePort;

	private final List<String> extraArguments;

	/** The shared database, or null for an embedded server of its own. */
	private final String sharedDatabaseUrl;

	private final Path signingKey;

	private Process process;

	private int starts;

	private KillableApplication(Path directory, int port, int databasePort, List<String> extraArguments,
			String sharedDatabaseUrl, Path signingKey) {
		this.directory = directory;
		this.port = port;
		this.databasePort = databasePort;
		this.extraArguments = extraArguments;
		this.sharedDatabaseUrl = sharedDatabaseUrl;
		this.signingKey = signingKey;
	}

	static KillableApplication on(Path directory, List<String> extraArguments) {
		return on(directory, LocalProcesses.freePort(), extraArguments);
	}

	/**
	 * On the given HTTP port, for when another process must be told where this one
	 * listens before it starts.
	 */
	static KillableApplication on(Path directory, int port, List<String> extraArguments) {
		return new KillableApplication(directory, port, LocalProcesses.freePort(), List.copyOf(extraArguments), null,
				directory.resolve("signing-key.pem"));
	}

	/**
	 * One of several instances on the given database, signing with the keys they share in
	 * it (the first to need one makes it), as {@code bin/cluster} runs them.
	 */
	static KillableApplication instance(Path directory, String databaseUrl, List<String> extraArguments) {
		return new KillableApplication(directory, LocalProcesses.freePort(), -1, List.copyOf(extraArguments),
				databaseUrl, null);
	}

	/**
	 * The same application, on the same directory, data and ports, to be started with
	 * other arguments, as when an operator changes its settings and restarts it.
	 */
	KillableApplication withArguments(List<String> arguments) {
		var changed = new KillableApplication(directory, port, databasePort, List.copyOf(arguments), sharedDatabaseUrl,
				signingKey);
		changed.starts = starts;
		return changed;
	}

	void start() throws IOException {
		var log = directory.resolve("application-" + (++starts) + ".log");
		var command = new ArrayList<>(LocalProcesses.applicationCommand(port, signingKey));
		if (sharedDatabaseUrl == null) {
			command.addAll(List.of("--emporium.embedded-postgres.data-directory=" + dataDirectory(),
					"--emporium.embedded-postgres.port=" + databasePort));
		}
		else {
			command.addAll(
					List.of("--spring.datasource.url=" + sharedDatabaseUrl, "--spring.datasource.username=postgres"));
		}
		command.addAll(extraArguments);
		process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		LocalProcesses.awaitReady(process, log, "application start " + starts);
	}

	/**
	 * SIGKILL to the JVM only: its PostgreSQL server is orphaned, as when a container's
	 * main process is killed, and the next start has to stop it.
	 */
	void killJvm() throws Exception {
		kill(Stream.of(process.toHandle()));
	}

	/**
	 * SIGKILL to the JVM, its descendants and the PostgreSQL server with all its
	 * processes (pg_ctl starts the server in a session of its own, so it is no descendant
	 * of the JVM): a power cut, after which the server recovers from its WAL.
	 */
	void killEverything() throws Exception {
		killEverything(process.toHandle(), dataDirectory());
	}

	/**
	 * SIGKILL to a JVM, its descendants and the PostgreSQL server that keeps its data in
	 * the given directory, with all its processes; for processes started by others
	 * ({@code bin/services}).
	 */
	static void killEverything(ProcessHandle jvm, Path dataDirectory) throws Exception {
		var postmaster = postmaster(dataDirectory);
		kill(Stream.concat(Stream.concat(Stream.of(jvm), jvm.descendants()),
				postmaster.stream().flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))));
	}

	/**
	 * SIGTERM, as a rolling restart or a scale-down sends it, and waits until the process
	 * has drained and ended.
	 */
	void terminate() throws Exception {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			killJvm();
			throw new IllegalStateException("The application did not stop within 60 s of SIGTERM");
		}
	}

	int port() {
		return port;
	}

	String baseUrl() {
		return "http://localhost:" + port;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + databasePort + "/postgres";
	}

	int starts() {
		return starts;
	}

	@Override
	public void close() throws Exception {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				killEverything();
			}
		}
	}

	/** Where its embedded PostgreSQL keeps its data. */
	Path dataDirectory() {
		return directory.resolve("postgres");
	}

	/** The PostgreSQL server running on the data directory, if one does. */
	static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
		return postmasterPid(dataDirectory).flatMap(ProcessHandle::of);
	}

	private static Optional<Long> postmasterPid(Path dataDirectory) throws IOException {
		var pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try (var lines = Files.lines(pidFile)) {
			return lines.findFirst().map(String::trim).filter(line -> line.matches("\\d+")).map(Long::valueOf);
		}
	}

	private static void kill(Stream<ProcessHandle> processes) throws Exception {
		var victims = processes.toList();
		victims.forEach(ProcessHandle::destroyForcibly);
		for (var victim : victims) {
			victim.onExit().get(30, TimeUnit.SECONDS);
		}
	}

}
