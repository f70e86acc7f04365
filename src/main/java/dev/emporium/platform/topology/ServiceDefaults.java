package dev.emporium.platform.topology;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults for a process started as an extracted service ({@code emporium.service}): a
 * database of its own ({@code data/<service>/postgres} instead of the monolith's
 * {@code data/postgres}) and an application name that tells the services apart in logs
 * and metrics. An environment post-processor, because logging and the embedded database
 * read them before any context exists; anything configured explicitly wins.
 */
class ServiceDefaults implements EnvironmentPostProcessor {

	static final String SOURCE = "emporiumServiceDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		var service = environment.getProperty("emporium.service");
		if (service == null || service.isBlank()) {
			return;
		}
		var name = service.trim();
		environment.getPropertySources()
			.addLast(new MapPropertySource(SOURCE, Map.of("emporium.embedded-postgres.data-directory",
					"data/" + name + "/postgres", "spring.application.name", "emporium-" + name)));
	}

}
