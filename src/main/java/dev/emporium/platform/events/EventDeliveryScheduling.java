package dev.emporium.platform.events;

import java.time.Duration;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.modulith.observability.ModulithEventMetricsCustomizer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import dev.emporium.shared.IdentifiedEvent;

/**
 * Runs module listeners asynchronously, after the publishing transaction commits, as
 * {@code @ApplicationModuleListener} expects; schedules the recovery of stale and failed
 * publications and the cleanup of completed ones; records listener failures; and observes
 * the delivery: trace context restored for redelivered events, listener timings, outbox
 * gauges (docs/observability.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class EventDeliveryScheduling implements SchedulingConfigurer {

	private final PublicationRecovery recovery;

	private final PublicationRetention retention;

	private final InboxRetention inboxRetention;

	private final EventDeliverySettings settings;

	private final OutboxMetrics outboxMetrics;

	private final EventTraces traces;

	EventDeliveryScheduling(PublicationRecovery recovery, PublicationRetention retention, InboxRetention inboxRetention,
			EventDeliverySettings settings, OutboxMetrics outboxMetrics, EventTraces traces) {
		this.recovery = recovery;
		this.retention = retention;
		this.inboxRetention = inboxRetention;
		this.settings = settings;
		this.outboxMetrics = outboxMetrics;
		this.traces = traces;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		var interval = settings.checkInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(recovery::recoverStaleAndFailed, interval, interval));
		var cleanup = settings.retention().cleanupInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(retention::deleteExpired, cleanup, cleanup));
		registrar.addFixedDelayTask(new FixedDelayTask(inboxRetention::deleteExpired, cleanup, cleanup));
		registrar.addFixedDelayTask(
				new FixedDelayTask(() -> traces.deleteOlderThan(settings.retention().completed()), cleanup, cleanup));
		registrar.addFixedDelayTask(new FixedDelayTask(outboxMetrics::refresh, interval, Duration.ZERO));
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ListenerFailureAdvisor listenerFailureAdvisor(ObjectProvider<PublicationFailures> failures) {
		return new ListenerFailureAdvisor(failures::getObject);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ListenerObservationAdvisor listenerObservationAdvisor(ObjectProvider<ObservationRegistry> observations) {
		return new ListenerObservationAdvisor(() -> observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ListenerTraceRestoring listenerTraceRestoring(ObjectProvider<EventTraces> traces,
			ObjectProvider<Tracer> tracer, ObjectProvider<ObservationRegistry> observations) {
		return new ListenerTraceRestoring(traces::getObject, () -> tracer.getIfAvailable(() -> Tracer.NOOP),
				() -> observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	/**
	 * Spring Modulith counts every event under a meter named after its type; one name
	 * with the type as a tag keeps them together (and apart from everything else).
	 */
	@Bean
	ModulithEventMetricsCustomizer modulithEventCounters() {
		return metrics -> metrics.customize(IdentifiedEvent.class,
				(Function<IdentifiedEvent, Counter.Builder>) event -> Counter.builder("modulith.events.published")
					.description("Events published, counted by Spring Modulith")
					.tag("event", event.getClass().getSimpleName()));
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ResubmissionCounting resubmissionCounting(ObjectProvider<MeterRegistry> meters) {
		return new ResubmissionCounting(meters::getObject);
	}

}
