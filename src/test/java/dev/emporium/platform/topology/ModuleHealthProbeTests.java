package dev.emporium.platform.topology;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import dev.emporium.endtoend.LocalProcesses;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleHealthProbeTests {

	private final ModuleHealthProbe probe = new ModuleHealthProbe(Duration.ofMillis(500));

	@Test
	void aServiceIsReadyWhenItsReadinessProbeAnswers200AndNotOtherwise() throws IOException {
		var ready = serviceAnswering(200);
		var draining = serviceAnswering(503);
		try {
			var gone = URI.create("http://localhost:" + LocalProcesses.freePort());
			var readyUrl = url(ready);
			var drainingUrl = url(draining);

			var answers = probe.ready(List.of(readyUrl, drainingUrl, gone, readyUrl));

			assertThat(answers).hasSize(3)
				.containsEntry(readyUrl, true)
				.containsEntry(drainingUrl, false)
				.containsEntry(gone, false);
		}
		finally {
			ready.stop(0);
			draining.stop(0);
		}
	}

	private static HttpServer serviceAnswering(int status) throws IOException {
		var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/actuator/health/readiness", exchange -> {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

	private static URI url(HttpServer server) {
		return URI.create("http://localhost:" + server.getAddress().getPort());
	}

}
