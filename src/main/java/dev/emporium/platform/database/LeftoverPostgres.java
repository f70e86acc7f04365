package dev.emporium.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a crashed run leaves in a data directory, so that the next start recovers
 * by itself: a PostgreSQL server orphaned by a killed JVM is shut down, and a
 * {@code postmaster.pid} naming no live server is removed.
 */
class LeftoverPostgres {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private final Path pidFile;

	LeftoverPostgres(Path dataDirectory) {
		this.pidFile = dataDirectory.resolve("postmaster.pid");
	}

	void clear() throws IOException {
		var pid = recordedPid();
		if (pid.isEmpty()) {
			return;
		}
		var process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
		if (process.isPresent() && isPostgres(process.get())) {
			log.warn("Stopping PostgreSQL server {} left running by an earlier run", pid.get());
			stop(process.get());
		}
		// PostgreSQL trusts a pid file whose pid is alive, even when a recycled pid now
		// names another process.
		if (Files.deleteIfExists(pidFile)) {
			log.info("Removed stale {}", pidFile);
		}
	}

	private Optional<Long> recordedPid() throws IOException {
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try (var lines = Files.lines(pidFile)) {
			return lines.findFirst().map(String::trim).filter(line -> line.matches("\\d+")).map(Long::valueOf);
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.contains("postgres")).orElse(true);
	}

	private static void stop(ProcessHandle process) {
		// SIGTERM is a smart shutdown; the orphan's clients died with the JVM, so it
		// finishes at once.
		process.destroy();
		try {
			process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			log.warn("PostgreSQL server {} did not stop within {}; killing it", process.pid(), SHUTDOWN_WAIT);
			process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping a leftover PostgreSQL server", ex);
		}
	}

}
