package dev.emporium.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged application started as a separate process, the way a user runs it, on a
 * free port with its own throw-away embedded PostgreSQL.
 */
final class RunningApplication implements AutoCloseable {

	static final String ADMIN_EMAIL = LocalProcesses.ADMIN_EMAIL;

	static final String ADMIN_PASSWORD = LocalProcesses.ADMIN_PASSWORD;

	private final Process process;

	private final Path log;

	private final int port;

	private RunningApplication(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	static RunningApplication start(String... extraArguments) throws IOException {
		return start(LocalProcesses.freePort(), List.of(extraArguments));
	}

	/**
	 * Starts the application on the given port, for when another process must be told
	 * where it will listen before it starts.
	 */
	static RunningApplication start(int port, List<String> extraArguments) throws IOException {
		var workDirectory = Files.createTempDirectory("emporium-e2e");
		var log = workDirectory.resolve("application.log");
		var command = new ArrayList<>(
				LocalProcesses.applicationCommand(port, workDirectory.resolve("signing-key.pem")));
		// No load balancer in front to drain for: a stop need not keep serving first.
		command.addAll(List.of("--emporium.embedded-postgres.ephemeral=true", "--emporium.shutdown.delay=0s"));
		command.addAll(extraArguments);
		var process = new ProcessBuilder(command).directory(workDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		LocalProcesses.awaitReady(process, log, "application start");
		return new RunningApplication(process, log, port);
	}

	String baseUrl() {
		return "http://localhost:" + port;
	}

	Path log() {
		return log;
	}

	@Override
	public void close() throws InterruptedException {
		LocalProcesses.stop(process, 30);
	}

}
