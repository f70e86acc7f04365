package dev.emporium.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The packaged application started as a separate process, the way a user runs it, on a
 * free port with its own throw-away embedded PostgreSQL.
 */
final class RunningApplication implements AutoCloseable {

	static final String ADMIN_EMAIL = "admin@emporium.test";

	static final String ADMIN_PASSWORD = "admin-secret-42";

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
		var jar = Path.of(System.getProperty("emporium.jar", "target/emporium.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Package the application first: " + jar + " is missing");
		}
		var workDirectory = Files.createTempDirectory("emporium-e2e");
		var log = workDirectory.resolve("application.log");
		var command = new ArrayList<>(List.of(LocalProcesses.javaExecutable(), "-jar", jar.toAbsolutePath().toString(),
				"--server.port=" + port, "--emporium.embedded-postgres.ephemeral=true",
				"--emporium.security.jwt.signing-key=" + workDirectory.resolve("signing-key.pem"),
				"--emporium.admin.email=" + ADMIN_EMAIL, "--emporium.admin.password=" + ADMIN_PASSWORD,
				"--emporium.demo.enabled=false"));
		command.addAll(1, LocalProcesses.APPLICATION_JVM_OPTIONS);
		command.addAll(LocalProcesses.APPLICATION_RATE_LIMITS);
		command.addAll(extraArguments);
		var process = new ProcessBuilder(command).directory(workDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		var application = new RunningApplication(process, log, port);
		application.awaitReady();
		return application;
	}

	String baseUrl() {
		return "http://localhost:" + port;
	}

	Path log() {
		return log;
	}

	// A loaded machine may need longer: -Demporium.e2e.start-seconds.
	private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("emporium.e2e.start-seconds", 120));

	private void awaitReady() {
		await("application start (log: " + log + ")").atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"The application exited during start (log: " + log + "):\n" + Files.readString(log));
				}
				return Files.readString(log).contains("Emporium is ready");
			});
	}

	@Override
	public void close() throws InterruptedException {
		LocalProcesses.stop(process, 30);
	}

}
