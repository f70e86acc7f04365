package dev.emporium.platform.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Exports spans to Zipkin only when {@code management.tracing.export.zipkin.endpoint} is
 * set: Spring Boot would otherwise send them to {@code localhost:9411} and log every
 * failed send. Traces are still made, so trace IDs stay in the logs and in the headers of
 * calls and messages; an explicit {@code management.tracing.export.zipkin.enabled} wins.
 */
class TracingDefaults implements EnvironmentPostProcessor {

	static final String ENDPOINT = "management.tracing.export.zipkin.endpoint";

	static final String SOURCE = "emporiumTracingDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		var endpoint = environment.getProperty(ENDPOINT);
		if (endpoint == null || endpoint.isBlank()) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(SOURCE, Map.of("management.tracing.export.zipkin.enabled", "false")));
		}
	}

}
