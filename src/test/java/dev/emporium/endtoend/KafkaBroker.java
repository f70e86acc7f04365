package dev.emporium.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A real Kafka broker in a JVM of its own, as the extracted services meet one in
 * production: a single KRaft node (broker and controller) from the {@code kafka_2.13}
 * artifact, formatted and started the way {@code kafka-storage.sh format --standalone}
 * and {@code kafka-server-start.sh} do, on free ports with its log in a throw-away
 * directory. A separate process rather than spring-kafka-test's in-process broker so that
 * the applications under test see a broker they cannot share memory, threads or a class
 * path with. Public for the fault tests in {@code dev.emporium.faults}.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	/**
	 * Small enough for a 2-core machine that runs two applications and their databases
	 * beside it: a short-lived broker needs neither a big heap nor the optimising JIT.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

	/** The broker's own log: warnings, and the line saying it started. */
	private static final String LOGGING = """
			<configuration>
			  <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
			    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
			  </appender>
			  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
			  <root level="WARN"><appender-ref ref="console"/></root>
			</configuration>
			""";

	private final Process process;

	private final Path directory;

	private final int port;

	private KafkaBroker(Process process, Path directory, int port) {
		this.process = process;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Formats a fresh log directory and starts the broker, returning once it answers an
	 * admin client.
	 */
	public static KafkaBroker start() throws IOException, InterruptedException {
		var directory = Files.createTempDirectory("emporium-kafka");
		var port = LocalProcesses.freePort();
		var controllerPort = LocalProcesses.freePort();
		var properties = directory.resolve("server.properties");
		Files.writeString(properties, serverProperties(directory.resolve("data"), port, controllerPort));
		Files.writeString(directory.resolve("logback.xml"), LOGGING);
		Files.writeString(directory.resolve("java.args"), "-cp \"" + testClassPath() + "\"\n");

		var format = run(directory, "format.log", "kafka.tools.StorageTool", "format", "--config",
				properties.toString(), "--cluster-id", Uuid.randomUuid().toString(), "--standalone");
		if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
			format.destroyForcibly();
			throw new IllegalStateException(
					"Formatting the Kafka log directory failed:\n" + Files.readString(directory.resolve("format.log")));
		}
		var broker = new KafkaBroker(run(directory, "broker.log", "kafka.Kafka", properties.toString()), directory,
				port);
		try {
			broker.awaitReady();
		}
		catch (RuntimeException ex) {
			broker.close();
			throw ex;
		}
		return broker;
	}

	/** The value of {@code spring.kafka.bootstrap-servers} for clients of this broker. */
	public String bootstrapServers() {
		return "localhost:" + port;
	}

	int port() {
		return port;
	}

	private void awaitReady() {
		var log = log();
		await("Kafka broker start (log: " + log + ")").atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("The Kafka broker exited during start:\n" + Files.readString(log));
				}
				return answers();
			});
	}

	private boolean answers() {
		try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				2_000))) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (Exception ex) {
			return false;
		}
	}

	/** Where the broker writes its own log, which stays after {@link #close()}. */
	public Path log() {
		return directory.resolve("broker.log");
	}

	/** Stops the broker and forgets every record it held. */
	@Override
	public void close() throws InterruptedException {
		// Its data are thrown away, so there is nothing for a controlled shutdown to
		// save.
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		var data = directory.resolve("data");
		if (!Files.isDirectory(data)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(data)) {
			paths.sorted((one, other) -> other.compareTo(one)).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the broker's data in " + directory, ex);
		}
	}

	private static Process run(Path directory, String log, String mainClass, String... arguments) throws IOException {
		var command = new ArrayList<String>();
		command.add(LocalProcesses.javaExecutable());
		command.addAll(JVM_OPTIONS);
		command.add("-Dlogback.configurationFile=" + directory.resolve("logback.xml"));
		// An argument file: a class path can outgrow what one command-line argument may
		// hold.
		command.add("@" + directory.resolve("java.args"));
		command.add(mainClass);
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve(log).toFile())
			.start();
	}

	/**
	 * The test class path, which holds {@code kafka_2.13} and its dependencies. Failsafe
	 * may start the tests from a manifest-only jar, leaving a single jar in
	 * {@code java.class.path}; it puts the full class path in
	 * {@code surefire.test.class.path}.
	 */
	private static String testClassPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	private static String serverProperties(Path data, int port, int controllerPort) {
		return """
				process.roles=broker,controller
				node.id=1
				listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
				advertised.listeners=PLAINTEXT://localhost:%1$d
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				inter.broker.listener.name=PLAINTEXT
				controller.listener.names=CONTROLLER
				controller.quorum.bootstrap.servers=localhost:%2$d
				log.dirs=%3$s
				# More than one partition, so that events without the aggregate ID as key would lose their order.
				num.partitions=3
				offsets.topic.num.partitions=3
				offsets.topic.replication.factor=1
				transaction.state.log.num.partitions=3
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.num.partitions=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				num.network.threads=2
				num.io.threads=2
				background.threads=2
				""".formatted(port, controllerPort, data);
	}

}
