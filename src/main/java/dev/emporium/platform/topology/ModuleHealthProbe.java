package dev.emporium.platform.topology;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks services whether they are ready, by their readiness probe
 * ({@code /actuator/health/readiness}, open to anyone), all at once and briefly: a
 * service that does not answer within the timeout counts as down.
 */
final class ModuleHealthProbe {

	private final RestClient client;

	ModuleHealthProbe(Duration timeout) {
		var requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(timeout);
		requests.setReadTimeout(timeout);
		this.client = RestClient.builder().requestFactory(requests).build();
	}

	/** Whether each of the services answers its readiness probe with 200. */
	Map<URI, Boolean> ready(Collection<URI> services) {
		var distinct = services.stream().distinct().toList();
		if (distinct.isEmpty()) {
			return Map.of();
		}
		// A thread per service, so that the answer takes one timeout at most, not one per
		// service.
		var threads = Executors.newFixedThreadPool(distinct.size());
		try {
			var probes = distinct.stream()
				.collect(Collectors.toMap(Function.identity(),
						service -> CompletableFuture.supplyAsync(() -> ready(service), threads)));
			return probes.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().join()));
		}
		finally {
			threads.shutdown();
		}
	}

	private boolean ready(URI service) {
		try {
			return client.get()
				.uri(service.resolve("/actuator/health/readiness"))
				.retrieve()
				.onStatus(status -> true, (request, response) -> {
				})
				.toBodilessEntity()
				.getStatusCode()
				.is2xxSuccessful();
		}
		catch (RestClientException ex) {
			return false;
		}
	}

}
