package dev.emporium.platform.topology;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults for an extracted service ({@code emporium.service}): its own data directory,
 * {@code data/<service>/postgres}, and application name, {@code emporium-<service>}. An
 * environment post-processor, because logging and the embedded database read them before
 * any context exists; explicit settings win.
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
