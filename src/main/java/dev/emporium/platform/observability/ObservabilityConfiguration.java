package dev.emporium.platform.observability;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.security.config.observation.SecurityObservationSettings;

import dev.emporium.platform.topology.ModuleTopology;

/**
 * Carries the trace context (and the logging context with it) from the thread that hands
 * work to the application's task executor to the thread that does it, as when an
 * asynchronous module listener runs after its event's transaction; tells in
 * {@code /actuator/info} which modules run in this process; keeps Spring Modulith's
 * meters fit for Prometheus; and leaves Spring Security's filters unobserved.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	// Spring Modulith's observation of calls into a module, and its meters' names.
	private static final String MODULE_REQUESTS = "module.requests";

	private static final String INVOCATION_TYPE = "module.invocation-type";

	private static final String BEAN = "bean";

	/** Spring Boot's task executor builder applies the single task decorator bean. */
	@Bean
	ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

	/**
	 * Spring Modulith tags a call into a module with {@code module.invocation-type} only
	 * when the call is a listener's; Prometheus refuses a second meter of one name with
	 * other tag keys, so whichever kind came first hid the other (a warning at the first
	 * scheduled call). The others are tagged {@code bean}, as docs/observability.md
	 * lists.
	 */
	@Bean
	MeterFilter moduleInvocationTypeOfBeans() {
		return new MeterFilter() {

			@Override
			public Meter.Id map(Meter.Id id) {
				boolean moduleRequests = id.getName().equals(MODULE_REQUESTS)
						|| id.getName().startsWith(MODULE_REQUESTS + ".");
				return (moduleRequests && id.getTag(INVOCATION_TYPE) == null)
						? id.withTag(Tag.of(INVOCATION_TYPE, BEAN)) : id;
			}

		};
	}

	/**
	 * No observation of Spring Security's filter chain, authentications or
	 * authorizations: {@code http.server.requests} and the module spans time every
	 * request. Turned off by {@code management.observations.enable.spring.security}
	 * instead, each filter would still be wrapped to open an observation that does
	 * nothing.
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
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
