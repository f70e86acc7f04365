package dev.emporium.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints the OpenAPI document the running application serves with Spectral and the
 * committed ruleset ({@code .spectral.yaml}): no error, no warning. Spectral comes from
 * the npm registry through {@code npx}; without Node the test is skipped on a developer's
 * machine and fails on CI ({@code CI=true}), where {@code .ci/run} installs Node.
 */
@RunningApi
class ApiDocumentTests {

	static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";

	@LocalServerPort
	int port;

	@Test
	void passesSpectralWithoutErrorsOrWarnings() throws Exception {
		var document = Path.of("target/openapi.json").toAbsolutePath();
		Files.createDirectories(document.getParent());
		Files.writeString(document,
				HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
							HttpResponse.BodyHandlers.ofString())
					.body());
		var npx = npx();
		var command = new ArrayList<>(List.of(npx, "--yes", SPECTRAL, "lint", document.toString(), "--ruleset",
				Path.of(".spectral.yaml").toAbsolutePath().toString(), "--fail-severity", "warn",
				"--display-only-failures"));
		var output = Files.createTempFile("spectral", ".txt");
		var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("Spectral finished within 5 minutes").isTrue();
		var report = Files.readString(output);
		assertThat(process.exitValue()).as("Spectral on %s:%n%s", document, report).isZero();
	}

	private static String npx() throws IOException, InterruptedException {
		try {
			var probe = new ProcessBuilder("npx", "--version").redirectErrorStream(true).start();
			if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
				return "npx";
			}
		}
		catch (IOException ex) {
			// no Node on this machine: decided below
		}
		if ("true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("npx (Node.js) is required on CI to lint the OpenAPI document");
		}
		Assumptions.abort("npx (Node.js) is not installed: the OpenAPI document is not linted here (it is on CI)");
		return null;
	}

}
