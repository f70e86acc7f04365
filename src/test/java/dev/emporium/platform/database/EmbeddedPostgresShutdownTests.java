package dev.emporium.platform.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import dev.emporium.EmporiumApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SIGTERM while the application is still starting, before its context could close
 * anything, stops the embedded server all the same.
 */
class EmbeddedPostgresShutdownTests {

	private static final String UP = "the embedded server is up";

	private Process application;

	@AfterEach
	void stop() throws InterruptedException {
		if (application != null) {
			application.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void aSigtermDuringStartupStopsTheServer() throws Exception {
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		var java = ProcessHandle.current().info().command().orElse("java");
		application = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				StuckInStartup.class.getName(), String.valueOf(port))
			.redirectErrorStream(true)
			.start();
		var output = new BufferedReader(new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8));
		var up = CompletableFuture.supplyAsync(() -> output.lines().anyMatch(UP::equals));
		assertThat(up.get(90, TimeUnit.SECONDS)).as("the application reported its server up").isTrue();
		assertThat(EmbeddedPostgresStartupTests.accepts(port)).isTrue();

		application.destroy();

		assertThat(application.waitFor(60, TimeUnit.SECONDS)).as("the application exited").isTrue();
		assertThat(EmbeddedPostgresStartupTests.accepts(port)).as("the server on port %d still runs", port).isFalse();
	}

	/**
	 * Starts the application and stays in its start-up, after the embedded server is up
	 * and before the context is refreshed.
	 */
	static final class StuckInStartup {

		public static void main(String[] args) {
			var port = Integer.parseInt(args[0]);
			var application = new SpringApplication(EmporiumApplication.class);
			application.addInitializers(context -> {
				var deadline = Instant.now().plus(Duration.ofSeconds(60));
				while (!EmbeddedPostgresStartupTests.accepts(port) && Instant.now().isBefore(deadline)) {
					pause(Duration.ofMillis(100));
				}
				System.out.println(UP);
				System.out.flush();
				pause(Duration.ofMinutes(5));
			});
			application.run("--spring.main.banner-mode=off", "--server.port=0",
					"--emporium.embedded-postgres.port=" + port, "--logging.level.root=warn");
		}

		private static void pause(Duration duration) {
			try {
				Thread.sleep(duration.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new UncheckedIOException(new IOException("interrupted"));
			}
		}

	}

}
