package dev.emporium.platform.observability;

import java.time.Duration;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Modulith's meters of calls into modules, listeners' and beans' alike, as
 * Prometheus scrapes them.
 */
class ModuleInvocationTypeTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	@BeforeEach
	void filterAsTheApplicationDoes() {
		registry.config().meterFilter(new ObservabilityConfiguration().moduleInvocationTypeOfBeans());
	}

	@Test
	void aCallIntoABeanIsScrapedBesideAListenersCall() {
		moduleRequest("inventory", "module.invocation-type", "event-listener");
		moduleRequest("catalog");
		LongTaskTimer.builder("module.requests.active").tag("module.key", "platform").register(registry).start();

		assertThat(registry.scrape()).contains(
				"module_requests_seconds_count{module_invocation_type=\"event-listener\",module_key=\"inventory\"} 1")
			.contains("module_requests_seconds_count{module_invocation_type=\"bean\",module_key=\"catalog\"} 1")
			.contains(
					"module_requests_active_seconds_count{module_invocation_type=\"bean\",module_key=\"platform\"} 1");
	}

	@Test
	void otherMetersKeepTheirTags() {
		Timer.builder("http.server.requests")
			.tag("uri", "/api/v1/orders")
			.register(registry)
			.record(Duration.ofMillis(3));
		Timer.builder("module.requestsum").tag("module.key", "orders").register(registry).record(Duration.ofMillis(3));

		assertThat(registry.scrape()).contains("http_server_requests_seconds_count{uri=\"/api/v1/orders\"} 1")
			.contains("module_requestsum_seconds_count{module_key=\"orders\"} 1");
	}

	private void moduleRequest(String module, String... tags) {
		Timer.builder("module.requests")
			.tag("module.key", module)
			.tags(tags)
			.register(registry)
			.record(Duration.ofMillis(2));
	}

}
