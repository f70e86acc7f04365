package dev.emporium.platform;

import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches Spring Modulith's event externalization on when some module runs in another
 * process, and leaves it off ({@code application.yml}) in the all-local monolith, which
 * therefore never touches Kafka.
 * <p>
 * An environment post-processor, because the switch must be in the environment before any
 * auto-configuration condition is evaluated (Modulith's externalization and its Kafka
 * externalizer are conditional on the property), and because a named property source
 * shows in {@code /actuator/env} why externalization is on. It runs after the
 * configuration files are read, so it sees {@code emporium.service} and
 * {@code emporium.modules.*} from every source, and it takes precedence over them: a
 * distributed deployment without externalization would lose every event that crosses a
 * process.
 */
class EventExternalizationSwitch implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE = "emporiumDistributedEvents";

	static final String EXTERNALIZATION = "spring.modulith.events.externalization.enabled";

	private final Log log;

	EventExternalizationSwitch(DeferredLogFactory logs) {
		this.log = logs.getLog(EventExternalizationSwitch.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ModuleTopology.from(environment).isDistributed()) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(EXTERNALIZATION, "true")));
			log.info("Some modules run elsewhere: events are externalized to Kafka (" + EXTERNALIZATION + "=true)");
		}
	}

}
