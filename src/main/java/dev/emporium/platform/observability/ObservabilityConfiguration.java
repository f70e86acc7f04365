package dev.emporium.platform.observability;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

import dev.emporium.platform.topology.ModuleTopology;

/**
 * Carries the trace context (and the logging context with it) from the thread that hands
 * work to the application's task executor to the thread that does it, as when an
 * asynchronous module listener runs after its event's transaction; tells in
 * {@code /actuator/info} which modules run in this process; and keeps Spring Modulith's
 * meters fit for Prometheus.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	private static final String INVOCATION_TYPE = "module.invocation-type";

	private static final String BEAN = "bean";

	/** Spring Boot's task executor builder applies the single task decorator bean. */
	@Bean
	ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

	@Bean
	InfoContributor moduleTopologyInfo(ModuleTopology topology) {
		return builder -> {
			var remote = new TreeMap<String, String>();
			topology.remoteModules().forEach(module -> remote.put(module, topology.url(module).toString()));
			builder.withDetail("modules",
					new ModulesInfo(topology.service().orElse(null), topology.localModules(), remote));
		};
	}

	/**
	 * What {@code /actuator/info} says of the modules: the one this process serves as an
	 * extracted service (none in the monolith), those it runs, and where the others are.
	 */
	record ModulesInfo(String service, Set<String> local, Map<String, String> remote) {
	}

}
