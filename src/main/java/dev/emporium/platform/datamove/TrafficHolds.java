package dev.emporium.platform.datamove;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Holds and releases the client traffic of the monolith's instances through their staff
 * API ({@code /api/v1/admin/traffic/hold}), signed in with a staff account.
 */
final class TrafficHolds {

	// Signing in hashes a password: on a busy machine that alone has taken many seconds.
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<URI> instances;

	private final String email;

	private final String password;

	private final List<URI> held = new ArrayList<>();

	TrafficHolds(List<URI> instances, String email, String password) {
		this.instances = instances;
		this.email = email;
		this.password = password;
	}

	/** Signs in on every instance first, so that a wrong password holds none of them. */
	void holdAll() {
		if (email == null || email.isBlank() || password == null || password.isBlank()) {
			throw new DataMoveException("holding traffic needs a staff account: set EMPORIUM_ADMIN_EMAIL and "
					+ "EMPORIUM_ADMIN_PASSWORD (as the monolith was started with)");
		}
		var tokens = instances.stream().map(this::signIn).toList();
		for (int i = 0; i < instances.size(); i++) {
			var answer = send(instances.get(i), "PUT", tokens.get(i));
			if (answer.statusCode() != 200) {
				throw new DataMoveException("holding traffic on " + instances.get(i) + " answered "
						+ answer.statusCode() + ": " + answer.body());
			}
			held.add(instances.get(i));
		}
	}

	/** Releases the instances held so far, to abort a cut-over. */
	void releaseAll() {
		for (var instance : List.copyOf(held)) {
			try {
				send(instance, "DELETE", signIn(instance));
				held.remove(instance);
			}
			catch (DataMoveException ex) {
				// Reported by the caller's failure; a restart releases it as well.
			}
		}
	}

	List<URI> instances() {
		return instances;
	}

	private String signIn(URI instance) {
		var body = json.writeValueAsString(Map.of("email", email, "password", password));
		var request = HttpRequest.newBuilder(instance.resolve("/api/v1/auth/token"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		var answer = exchange(instance, request);
		if (answer.statusCode() != 200) {
			throw new DataMoveException("signing in as " + email + " on " + instance + " answered "
					+ answer.statusCode() + ": check EMPORIUM_ADMIN_EMAIL and EMPORIUM_ADMIN_PASSWORD");
		}
		return json.readTree(answer.body()).get("accessToken").asString();
	}

	private HttpResponse<String> send(URI instance, String method, String token) {
		var request = HttpRequest.newBuilder(instance.resolve("/api/v1/admin/traffic/hold"))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return exchange(instance, request);
	}

	private HttpResponse<String> exchange(URI instance, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new DataMoveException(
					"the monolith at " + instance + " does not answer (EMPORIUM_MONOLITH_URL): " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DataMoveException("interrupted", ex);
		}
	}

}
