package dev.emporium.faults;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.emporium.endtoend.LocalProcesses;

import static org.awaitility.Awaitility.await;

/**
 * haproxy in front of the instances, with the repository's configuration
 * ({@code etc/haproxy.cfg}) and one server line per instance appended, as
 * {@code bin/cluster} runs it; its status page tells which instances it routes to.
 */
final class LoadBalancer implements AutoCloseable {

	private static final Path CONFIGURATION = Path.of("etc", "haproxy.cfg");

	private final int port = LocalProcesses.freePort();

	private final int statsPort = LocalProcesses.freePort();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	private Path log;

	/** haproxy on this machine's path (or in /usr/sbin, outside a non-root path). */
	static Optional<Path> executable() {
		var path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
		return Stream.concat(path, Stream.of("/usr/sbin", "/usr/local/sbin"))
			.filter(directory -> !directory.isBlank())
			.map(directory -> Path.of(directory, "haproxy"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/** Starts haproxy routing to the instances, named instance-1, instance-2, ... */
	void start(Path executable, Path directory, List<KillableApplication> instances) throws Exception {
		var configuration = new StringBuilder(Files.readString(CONFIGURATION));
		for (int i = 0; i < instances.size(); i++) {
			configuration.append("    server instance-%d 127.0.0.1:%d%n".formatted(i + 1, instances.get(i).port()));
		}
		var file = Files.writeString(directory.resolve("haproxy.cfg"), configuration);
		log = directory.resolve("haproxy.log");
		var builder = new ProcessBuilder(executable.toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment()
			.putAll(Map.of("EMPORIUM_CLUSTER_ADDRESS", "127.0.0.1", "EMPORIUM_CLUSTER_PORT", String.valueOf(port),
					"EMPORIUM_CLUSTER_STATS_PORT", String.valueOf(statsPort)));
		process = builder.start();
		for (int i = 1; i <= instances.size(); i++) {
			awaitUp("instance-" + i, Duration.ofSeconds(30));
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/** Waits until haproxy's checks see the instance ready and route to it again. */
	void awaitUp(String server, Duration timeout) {
		await("haproxy routes to " + server).atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			// haproxy opens its status page a moment after it starts
			.ignoreExceptionsInstanceOf(ConnectException.class)
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("haproxy ended, exit code " + process.exitValue());
				}
				return "UP".equals(states().get(server));
			});
	}

	/** The requests haproxy logged as failed (its log keeps no others). */
	List<String> failedRequests() throws IOException {
		try (var lines = Files.lines(log)) {
			return lines.filter(line -> line.contains(" HTTP/")).toList();
		}
	}

	/** What haproxy's checks say of each instance: UP, DOWN, ... */
	Map<String, String> states() throws Exception {
		var csv = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		var states = new LinkedHashMap<String, String>();
		csv.lines().map(line -> line.split(",")).filter(fields -> fields.length > 17).forEach(fields -> {
			if (fields[0].equals("instances") && !fields[1].equals("BACKEND")) {
				states.put(fields[1], fields[17]);
			}
		});
		return states;
	}

	@Override
	public void close() throws Exception {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

}
