package dev.emporium.platform.topology;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How calls to a module in another process behave when it fails, against a real HTTP
 * server that answers as scripted.
 */
class RemoteModuleClientsTests {

	private final Queue<Integer> answers = new ArrayDeque<>();

	private final AtomicInteger requests = new AtomicInteger();

	private HttpServer server;

	@AfterEach
	void stopServer() {
		if (server != null) {
			server.stop(0);
		}
	}

	@Test
	void retriesAnIdempotentCallThatMetATransientAnswer() throws IOException {
		var client = clientOfServerAnswering(503, 200);

		assertThat(client.get().uri("/lookup").retrieve().body(String.class)).isEqualTo("ok");
		assertThat(requests).hasValue(2);
	}

	@Test
	void givesUpAfterThreeAttemptsAsModuleUnavailable() throws IOException {
		var client = clientOfServerAnswering(503, 502, 504, 200);

		assertThatExceptionOfType(ModuleUnavailableException.class)
			.isThrownBy(() -> client.get().uri("/lookup").retrieve().body(String.class))
			.withMessageContaining("catalog")
			.withMessageContaining("3 attempts");
		assertThat(requests).hasValue(3);
	}

	@Test
	void neverRepeatsACallThatIsNotIdempotent() throws IOException {
		var client = clientOfServerAnswering(503, 200);

		assertThatExceptionOfType(ModuleUnavailableException.class)
			.isThrownBy(() -> client.post().uri("/charge").body("{}").retrieve().body(String.class));
		assertThat(requests).hasValue(1);
	}

	@Test
	void doesNotRetryAnAnswerThatARetryCannotChange() throws IOException {
		var client = clientOfServerAnswering(422, 200);

		assertThatExceptionOfType(org.springframework.web.client.HttpClientErrorException.class)
			.isThrownBy(() -> client.get().uri("/lookup").retrieve().body(String.class));
		assertThat(requests).hasValue(1);
	}

	@Test
	void reportsAServiceThatIsNotListeningAsModuleUnavailable() throws IOException {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		assertThatExceptionOfType(ModuleUnavailableException.class)
			.isThrownBy(
					() -> client("http://localhost:" + closedPort).get().uri("/lookup").retrieve().body(String.class))
			.satisfies(ex -> assertThat(ex.module()).isEqualTo("catalog"));
	}

	private RestClient clientOfServerAnswering(Integer... statuses) throws IOException {
		answers.addAll(List.of(statuses));
		server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/", exchange -> {
			requests.incrementAndGet();
			var status = answers.isEmpty() ? 200 : answers.poll();
			var body = (status == 200 ? "ok" : "{}").getBytes();
			exchange.getResponseHeaders().add("Content-Type", status == 200 ? "text/plain" : "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		return client("http://localhost:" + server.getAddress().getPort());
	}

	private static RestClient client(String baseUrl) {
		var policy = RetryPolicy.builder()
			.maxRetries(2)
			.delay(Duration.ofMillis(10))
			.includes(IOException.class, RemoteModuleClients.RetryableAnswerException.class)
			.build();
		return RestClient.builder()
			.baseUrl(baseUrl)
			.requestInterceptor(new RemoteModuleClients.Availability("catalog", policy))
			.defaultStatusHandler(status -> status.is5xxServerError(), (request, response) -> {
				throw new ModuleUnavailableException("catalog", "it answered " + response.getStatusCode(), null);
			})
			.build();
	}

}
