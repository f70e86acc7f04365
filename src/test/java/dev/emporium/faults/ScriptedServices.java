package dev.emporium.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.emporium.endtoend.LocalProcesses;

/**
 * The whole shop as {@code bin/services} runs it, started, restarted and stopped through
 * that script: a Kafka broker, the seven modules each in a service of its own with its
 * own embedded PostgreSQL, and the monolith as their gateway, all in one directory. What
 * the script cannot do, a crash, is done here: SIGKILL to a service and its database.
 */
final class ScriptedServices implements AutoCloseable {

	static final List<String> MODULES = List.of("catalog", "customers", "inventory", "orders", "payments", "shipping",
			"notifications");

	/** Gateway, services, their databases and the broker: P to P+21. */
	private static final int PORTS = 22;

	private static final long SCRIPT_TIMEOUT_SECONDS = 600;

	private final Path directory;

	private final int port;

	private final Map<String, String> environment;

	/** The processor time of the processes killed so far. */
	private Duration cpuOfKilled = Duration.ZERO;

	private ScriptedServices(Path directory, int port, Map<String, String> environment) {
		this.directory = directory;
		this.port = port;
		this.environment = environment;
	}

	/**
	 * {@code bin/services start} on free ports, returning once every process is ready.
	 * The JVMs get {@code javaOptions}, every application process the arguments.
	 */
	static ScriptedServices start(Path directory, String javaOptions, List<String> arguments)
			throws IOException, InterruptedException {
		var jar = Path.of(System.getProperty("emporium.jar", "target/emporium.jar")).toAbsolutePath();
		var environment = new LinkedHashMap<String, String>();
		environment.put("EMPORIUM_SERVICES_DIR", directory.toString());
		environment.put("EMPORIUM_JAR", jar.toString());
		environment.put("JAVA_OPTS", javaOptions);
		// The broker runs from the test class path, which holds kafka_2.13, instead of
		// one the script would ask Maven for.
		environment.put("KAFKA_CLASSPATH",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
		environment.put("KAFKA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
		var services = new ScriptedServices(directory, LocalProcesses.freePorts(PORTS), environment);
		var command = new ArrayList<>(List.of("start", "--port", String.valueOf(services.port), "--"));
		command.addAll(arguments);
		try {
			services.run("start", command);
		}
		catch (IllegalStateException ex) {
			services.close();
			throw ex;
		}
		return services;
	}

	String gatewayUrl() {
		return "http://localhost:" + port;
	}

	/**
	 * The database of the gateway or of a module's service, on the port the script gave
	 * it.
	 */
	JdbcClient database(String name) {
		var offset = name.equals("gateway") ? 10 : 11 + MODULES.indexOf(name);
		return JdbcClient.create(new DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:" + (port + offset) + "/postgres", "postgres", ""));
	}

	/**
	 * SIGKILL to the service's JVM and to its PostgreSQL server, as a power cut: the next
	 * start recovers the database from its write-ahead log.
	 */
	void kill(String name) throws Exception {
		var pid = pids().get(name);
		var jvm = ProcessHandle.of(pid)
			.orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
		cpuOfKilled = cpuOfKilled.plus(cpu(name, jvm));
		KillableApplication.killEverything(jvm, directory.resolve(name).resolve("postgres"));
	}

	/**
	 * The processor time the JVMs and the database servers have used so far, those killed
	 * included: on a machine of its own a run takes at least this divided by its cores. A
	 * database's backends that ended are not counted.
	 */
	Duration cpu() throws IOException {
		var total = cpuOfKilled;
		for (var entry : pids().entrySet()) {
			var process = ProcessHandle.of(entry.getValue()).filter(this::startedHere);
			if (process.isPresent()) {
				total = total.plus(cpu(entry.getKey(), process.get()));
			}
		}
		return total;
	}

	private Duration cpu(String name, ProcessHandle jvm) throws IOException {
		var database = KillableApplication.postmaster(directory.resolve(name).resolve("postgres"));
		return Stream
			.concat(Stream.of(jvm),
					database.stream().flatMap(server -> Stream.concat(Stream.of(server), server.descendants())))
			.map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
			.reduce(Duration.ZERO, Duration::plus);
	}

	/** {@code bin/services restart NAME}: returns once it is ready again. */
	void restart(String name) throws IOException, InterruptedException {
		run("restart-" + name, List.of("restart", name));
	}

	/**
	 * Runs the script as an operator would, with these environment variables changed, and
	 * returns its exit code and what it said, failure or not.
	 */
	Outcome script(Map<String, String> changes, String... arguments) throws IOException, InterruptedException {
		var environment = new LinkedHashMap<>(this.environment);
		environment.putAll(changes);
		return run(environment, "script", List.of(arguments));
	}

	int port() {
		return port;
	}

	/** {@code bin/services stop}; then SIGKILL to anything of it that still runs. */
	@Override
	public void close() throws IOException, InterruptedException {
		var pids = recordedPids();
		try {
			run("stop", List.of("stop"));
		}
		finally {
			for (var entry : pids.entrySet()) {
				// Only a process of this run: a pid may be reused once it ended.
				ProcessHandle.of(entry.getValue()).filter(this::startedHere).ifPresent(process -> {
					try {
						KillableApplication.killEverything(process,
								directory.resolve(entry.getKey()).resolve("postgres"));
					}
					catch (Exception ex) {
						throw new IllegalStateException("Cannot kill what bin/services left running", ex);
					}
				});
			}
		}
	}

	private boolean startedHere(ProcessHandle process) {
		return process.isAlive()
				&& process.info().commandLine().map(line -> line.contains(directory.toString())).orElse(false);
	}

	/** The processes the script recorded, if it got so far. */
	private Map<String, Long> recordedPids() throws IOException {
		return Files.isRegularFile(directory.resolve("pids")) ? pids() : Map.of();
	}

	private Map<String, Long> pids() throws IOException {
		var pids = new LinkedHashMap<String, Long>();
		for (var line : Files.readAllLines(directory.resolve("pids"))) {
			var fields = line.split(" ");
			pids.put(fields[0], Long.valueOf(fields[1]));
		}
		return pids;
	}

	/** Runs the script, and fails unless it succeeds. */
	private String run(String what, List<String> arguments) throws IOException, InterruptedException {
		var outcome = run(environment, what, arguments);
		if (outcome.exitCode() != 0) {
			throw new IllegalStateException("bin/services " + String.join(" ", arguments) + " failed ("
					+ outcome.exitCode() + "):\n" + outcome.output());
		}
		return outcome.output();
	}

	/** Runs the script; its output goes to a log of its own, and comes back. */
	private Outcome run(Map<String, String> environment, String what, List<String> arguments)
			throws IOException, InterruptedException {
		var command = new ArrayList<>(List.of(Path.of("bin", "services").toAbsolutePath().toString()));
		command.addAll(arguments);
		var log = directory.resolve("bin-services-" + what + ".log");
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		var process = builder.start();
		if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			// Taken before the script ends: its children then leave its tree.
			var started = process.descendants().toList();
			process.destroyForcibly();
			stopUnrecorded(started);
			throw new IllegalStateException("bin/services " + what + " did not finish within "
					+ Duration.ofSeconds(SCRIPT_TIMEOUT_SECONDS) + ":\n" + Files.readString(log));
		}
		return new Outcome(process.exitValue(), Files.readString(log));
	}

	/**
	 * SIGKILL to what the script started and recorded in no pids file, so that
	 * {@link #close()} would not find it: above all bin/emporium's training run, a JVM
	 * with an embedded PostgreSQL of its own in the unpacked jar's directory. The
	 * recorded processes are left to {@code close()}, which stops each with its database.
	 */
	private void stopUnrecorded(List<ProcessHandle> started) throws IOException {
		var recorded = recordedPids().values();
		var training = Path.of(environment.get("EMPORIUM_JAR")).resolveSibling("app").resolve("training");
		for (var process : started) {
			if (process.isAlive() && !recorded.contains(process.pid())) {
				try {
					KillableApplication.killEverything(process, training.resolve("postgres"));
				}
				catch (Exception ex) {
					throw new IOException("Cannot kill " + process.pid() + ", left by bin/services", ex);
				}
			}
		}
	}

	/** How a run of the script ended. */
	record Outcome(int exitCode, String output) {
	}

}
