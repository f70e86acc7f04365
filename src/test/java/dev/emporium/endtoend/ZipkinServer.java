package dev.emporium.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Zipkin server (the {@code io.zipkin:zipkin-server} executable jar the build
 * copies to {@code target/zipkin}) as a separate process on a free port, storing spans in
 * memory: the tests assert on the traces it stored. Public for the fault tests.
 */
public final class ZipkinServer implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final Path log;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ZipkinServer(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/** Starts it without waiting: applications may start meanwhile and report later. */
	public static ZipkinServer start() throws IOException {
		var jar = Path.of(System.getProperty("emporium.zipkin.jar", "target/zipkin/zipkin-server.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Run the build's pre-integration-test phase first: " + jar + " is missing");
		}
		var port = LocalProcesses.freePort();
		var log = Files.createTempFile("zipkin", ".log");
		var command = new ArrayList<>(List.of(LocalProcesses.javaExecutable()));
		command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
				jar.toAbsolutePath().toString()));
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("QUERY_PORT", String.valueOf(port));
		builder.environment().put("STORAGE_TYPE", "mem");
		return new ZipkinServer(builder.start(), log, port);
	}

	/** Where applications send their spans. */
	public String spansEndpoint() {
		return "http://localhost:" + port + "/api/v2/spans";
	}

	/** The argument that makes an application report to this server. */
	public String applicationArgument() {
		return "--management.tracing.export.zipkin.endpoint=" + spansEndpoint();
	}

	public String baseUrl() {
		return "http://localhost:" + port;
	}

	public void awaitReady() {
		await("Zipkin start (log: " + log + ")").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.ignoreException(UncheckedIOException.class)
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("Zipkin exited during start:\n" + Files.readString(log));
				}
				return get("/health").statusCode() == 200;
			});
	}

	/**
	 * A W3C {@code traceparent} header of a new sampled trace, whose trace ID the test
	 * then looks up: what a front end that traces its own requests sends.
	 * @return the header value; its trace ID is {@link #traceIdOf}
	 */
	public static String newTraceparent() {
		var traceId = new byte[16];
		var spanId = new byte[8];
		RANDOM.nextBytes(traceId);
		RANDOM.nextBytes(spanId);
		return "00-" + HexFormat.of().formatHex(traceId) + "-" + HexFormat.of().formatHex(spanId) + "-01";
	}

	public static String traceIdOf(String traceparent) {
		return traceparent.split("-")[1];
	}

	/** The spans Zipkin holds for a trace, none while it has none. */
	public List<Span> trace(String traceId) {
		var answer = get("/api/v2/trace/" + traceId);
		if (answer.statusCode() == 404) {
			return List.of();
		}
		var spans = new ArrayList<Span>();
		JSON.readTree(answer.body()).forEach(span -> spans.add(Span.of(span)));
		return spans;
	}

	private HttpResponse<String> get(String path) {
		try {
			return http.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Zipkin does not answer at " + baseUrl() + " (log: " + log + ")", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		LocalProcesses.stop(process, 10);
	}

	/**
	 * One stored span: the service that reported it (Spring Modulith names a module's
	 * spans after the module), its name and its tags.
	 */
	public record Span(String traceId, String id, String parentId, String service, String name, JsonNode tags) {

		static Span of(JsonNode span) {
			return new Span(span.get("traceId").asString(), span.get("id").asString(),
					span.has("parentId") ? span.get("parentId").asString() : null,
					span.path("localEndpoint").path("serviceName").asString(""), span.path("name").asString(""),
					span.path("tags"));
		}

		/** The module a span of Spring Modulith's module observability belongs to. */
		public String module() {
			return tags.path("module.key").asString("");
		}

		public String tag(String name) {
			return tags.path(name).asString("");
		}

	}

}
