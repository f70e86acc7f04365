package dev.emporium.platform.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The embedded PostgreSQL server that starts in the background while the context is built
 * belongs to the application even when the application never gets to use it.
 */
class EmbeddedPostgresStartupTests {

	private static int port;

	@Test
	void stopsTheServerItStartedEarlyWhenTheApplicationFailsToStart() throws IOException {
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		var application = new SpringApplication(FailsBeforeAnyBeanExists.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatIllegalStateException()
			.isThrownBy(() -> application.run("--emporium.embedded-postgres.ephemeral=true",
					"--emporium.embedded-postgres.port=" + port, "--spring.main.banner-mode=off"))
			.withMessageContaining("failing on purpose");

		assertThat(accepts(port)).as("the server on port %d is still running", port).isFalse();
	}

	static boolean accepts(int port) {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Waits until the server started by the initializer listens, then fails the start
	 * before any singleton (the server's owner among them) is created.
	 */
	@Configuration(proxyBeanMethods = false)
	static class FailsBeforeAnyBeanExists {

		@Bean
		static BeanFactoryPostProcessor failingOnPurpose() {
			return beans -> {
				var deadline = Instant.now().plus(Duration.ofSeconds(60));
				while (!accepts(port) && Instant.now().isBefore(deadline)) {
					LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
				}
				assertThat(accepts(port)).as("the server started in the background").isTrue();
				throw new IllegalStateException("failing on purpose");
			};
		}

	}

}
