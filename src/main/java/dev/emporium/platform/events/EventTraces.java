package dev.emporium.platform.events;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.emporium.platform.topology.ModuleIndex;
import dev.emporium.shared.IdentifiedEvent;

/**
 * Stores the trace context each event is published in beside its publications, in the
 * publishing transaction ({@code events.event_trace}), for the listeners that run without
 * it: after a restart's resubmission or on another instance. Counts the events published
 * per module and type as it goes (docs/observability.md).
 */
@Component
class EventTraces implements SmartInitializingSingleton {

	private final JdbcClient jdbc;

	private final Tracer tracer;

	private final MeterRegistry meters;

	private final Map<Class<?>, Counter> publishedCounters = new ConcurrentHashMap<>();

	private final ConfigurableApplicationContext context;

	// What this process published lately: a first delivery finds its context here; a
	// resubmission after a restart, or on another instance, reads the table.
	private final Cache<UUID, String> recent = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(5))
		.build();

	EventTraces(JdbcClient jdbc, ObjectProvider<Tracer> tracer, MeterRegistry meters,
			ConfigurableApplicationContext context) {
		this.jdbc = jdbc;
		this.context = context;
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.meters = meters;
	}

	/**
	 * Listens to every event at its publication, synchronously, in the publisher's
	 * transaction: through a listener that is no bean, since Spring Modulith would
	 * observe a bean's as a span of the platform for every event.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		context.addApplicationListener((ApplicationEvent published) -> {
			if (published instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof IdentifiedEvent event) {
				record(event);
			}
		});
	}

	private void record(IdentifiedEvent event) {
		publishedCounters.computeIfAbsent(event.getClass(), this::publishedCounter).increment();
		var context = tracer.currentTraceContext().context();
		// Without a transaction no publication is stored either (module listeners are
		// transactional).
		if (context == null || !TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		var traceparent = traceparent(context);
		jdbc.sql("""
				INSERT INTO events.event_trace (event_id, traceparent) VALUES (:event, :traceparent)
				ON CONFLICT (event_id) DO NOTHING""")
			.param("event", event.eventId())
			.param("traceparent", traceparent)
			.update();
		recent.put(event.eventId(), traceparent);
	}

	/** The W3C traceparent the event was published in, if it was published in a trace. */
	Optional<String> traceparent(UUID eventId) {
		var cached = recent.getIfPresent(eventId);
		if (cached != null) {
			return Optional.of(cached);
		}
		return jdbc.sql("SELECT traceparent FROM events.event_trace WHERE event_id = :event")
			.param("event", eventId)
			.query(String.class)
			.optional();
	}

	/**
	 * Forgets the trace contexts older than the completed publications' retention.
	 * @return how many it deleted
	 */
	int deleteOlderThan(Duration age) {
		return jdbc.sql("DELETE FROM events.event_trace WHERE published_at < now() - :age * interval '1 millisecond'")
			.param("age", age.toMillis())
			.update();
	}

	static String traceparent(TraceContext context) {
		var traceId = context.traceId();
		var padded = (traceId.length() < 32) ? "0".repeat(32 - traceId.length()) + traceId : traceId;
		return "00-" + padded + "-" + context.spanId() + "-" + (Boolean.FALSE.equals(context.sampled()) ? "00" : "01");
	}

	private Counter publishedCounter(Class<?> type) {
		return Counter.builder("emporium.events.published")
			.description("Events published, by the publishing module and the event type")
			.tag("module", ModuleIndex.moduleOf(type.getName()).orElse("external"))
			.tag("event", type.getSimpleName())
			.register(meters);
	}

}
