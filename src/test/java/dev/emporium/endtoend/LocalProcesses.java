package dev.emporium.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * What every end-to-end helper that starts a process of its own needs: a free port on
 * this machine, the JVM running the tests, the application's command and its start, and a
 * stop that does not hang. Public for the fault tests in {@code dev.emporium.faults}.
 */
public final class LocalProcesses {

	public static final String ADMIN_EMAIL = "admin@emporium.test";

	public static final String ADMIN_PASSWORD = "admin-secret-42";

	/**
	 * How long an application may take to start: 180 s, or
	 * {@code -Demporium.e2e.start-timeout-seconds} on a machine busier than CI's. A
	 * restart beside two loaded instances on two cores took 115 to 126 s.
	 */
	public static final Duration START_TIMEOUT = Duration
		.ofSeconds(Long.getLong("emporium.e2e.start-timeout-seconds", 180));

	private LocalProcesses() {
	}

	/**
	 * A port nobody listens on right now; the process it is given to binds it a moment
	 * later, a race the tests accept.
	 */
	public static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on this machine", ex);
		}
	}

	/**
	 * The first of {@code count} consecutive ports nobody listens on right now, for a
	 * program that derives its ports from a base port ({@code bin/services --port}).
	 */
	public static int freePorts(int count) {
		var random = new Random();
		for (int attempt = 0; attempt < 100; attempt++) {
			// Below the range the kernel hands out to outgoing connections (32768 and
			// up).
			var base = 20_000 + random.nextInt(12_000);
			if (IntStream.range(base, base + count).allMatch(LocalProcesses::isFree)) {
				return base;
			}
		}
		throw new IllegalStateException("No " + count + " consecutive free ports on this machine");
	}

	private static boolean isFree(int port) {
		try (var socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * JVM options of the application processes the end-to-end tests start: a bounded heap
	 * and, since these processes live for a minute each and CI has two cores, the quick
	 * compiler only and the serial collector, which roughly halve the CPU a start costs.
	 * What is tested (HTTP, PostgreSQL, Kafka, processes dying) is the same.
	 */
	public static final List<String> APPLICATION_JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
			"-XX:+UseSerialGC");

	/**
	 * Arguments of the application processes the end-to-end tests start: every client is
	 * 127.0.0.1 and the load tests place orders as fast as they can, so the rate limits
	 * stay on but out of their reach (their own tests: platform/ratelimit).
	 */
	public static final List<String> APPLICATION_RATE_LIMITS = List.of(
			"--emporium.rate-limits.limits.login.per-address.requests=1000000",
			"--emporium.rate-limits.limits.login.per-account.requests=1000000",
			"--emporium.rate-limits.limits.registration.per-address.requests=1000000",
			"--emporium.rate-limits.limits.registration.per-account.requests=1000000",
			"--emporium.rate-limits.limits.order-placement.per-address.requests=1000000",
			"--emporium.rate-limits.limits.order-placement.per-account.requests=1000000");

	/**
	 * The packaged application on the port, signing its tokens with the key file (none:
	 * keys kept in its database), with the test's staff account, no demo data and the
	 * rate limits out of reach; the caller adds where its data go.
	 */
	public static List<String> applicationCommand(int port, Path signingKey) {
		var jar = Path.of(System.getProperty("emporium.jar", "target/emporium.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Package the application first: " + jar + " is missing");
		}
		var command = new ArrayList<>(List.of(javaExecutable()));
		command.addAll(APPLICATION_JVM_OPTIONS);
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
				"--emporium.security.jwt.signing-key=" + (signingKey != null ? signingKey : ""),
				"--emporium.admin.email=" + ADMIN_EMAIL, "--emporium.admin.password=" + ADMIN_PASSWORD,
				"--emporium.demo.enabled=false"));
		command.addAll(APPLICATION_RATE_LIMITS);
		return command;
	}

	/**
	 * Waits until the application says in its log that it is ready, failing at once if it
	 * exits first.
	 */
	public static void awaitReady(Process process, Path log, String what) {
		await(what + " (log: " + log + ")").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"The application exited during start (log: " + log + "):\n" + Files.readString(log));
			}
			return Files.readString(log).contains("Emporium is ready");
		});
	}

	/** The {@code java} of the JVM running the tests, so child processes match it. */
	public static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Runs the starts at the same time and waits for all of them, so that two processes
	 * that need each other only once they serve requests start in the time of the slower
	 * one; the first failure is thrown, with the others suppressed in it.
	 */
	public static void startTogether(Start... starts) throws Exception {
		var pool = Executors.newFixedThreadPool(starts.length);
		try {
			var running = Arrays.stream(starts).map(start -> pool.submit(() -> {
				start.run();
				return null;
			})).toList();
			Exception failure = null;
			for (var start : running) {
				try {
					start.get();
				}
				catch (ExecutionException ex) {
					var cause = (ex.getCause() instanceof Exception exception) ? exception
							: new IllegalStateException(ex.getCause());
					if (failure == null) {
						failure = cause;
					}
					else {
						failure.addSuppressed(cause);
					}
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * SIGTERM, then SIGKILL once the grace period is over: a process that hangs in its
	 * shutdown must not hang the build.
	 */
	public static void stop(Process process, long graceSeconds) throws InterruptedException {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** Starting one process, and waiting until it is ready. */
	@FunctionalInterface
	public interface Start {

		void run() throws Exception;

	}

}
