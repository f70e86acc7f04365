package dev.emporium.platform.events;

import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The outbox as gauges per listener, refreshed on the platform's schedule: incomplete
 * publications, the age of the oldest, those FAILED (waiting for their retry, or claimed
 * for one) and those parked (attempts used up). A listener seen once keeps its gauges, at
 * zero when its backlog is gone, so that an alert can tell "drained" from "unknown".
 */
@Component
class OutboxMetrics implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

	// Package names in a listener ID, e.g. "dev.emporium.orders." in
	// "...on(dev.emporium.orders.OrderPlaced)".
	private static final Pattern PACKAGES = Pattern.compile("\\b[a-z][a-z0-9_]*\\.");

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	private final EventDeliverySettings settings;

	private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();

	private final ConfigurableListableBeanFactory beans;

	OutboxMetrics(JdbcClient jdbc, MeterRegistry meters, EventDeliverySettings settings,
			ConfigurableListableBeanFactory beans) {
		this.jdbc = jdbc;
		this.meters = meters;
		this.settings = settings;
		this.beans = beans;
	}

	/**
	 * Registers the gauges of every transactional event listener of the application, and
	 * the resubmissions counter, at zero, so that each series exists before its first
	 * use.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		ResubmissionCounting.counter(meters);
		for (var name : beans.getBeanDefinitionNames()) {
			var type = beans.getType(name, false);
			if (type == null) {
				continue;
			}
			var target = ClassUtils.getUserClass(type);
			MethodIntrospector
				.selectMethods(target,
						(ReflectionUtils.MethodFilter) method -> AnnotatedElementUtils.hasAnnotation(method,
								TransactionalEventListener.class))
				.forEach(method -> backlogs.computeIfAbsent(
						new TransactionalApplicationListenerMethodAdapter(name, target, method).getListenerId(),
						this::register));
		}
	}

	/** Reads the backlog of every listener in one statement; called on the schedule. */
	void refresh() {
		try {
			var seen = new HashSet<String>();
			jdbc.sql("""
					SELECT listener_id, count(*) AS incomplete,
					       coalesce(extract(epoch FROM now() - min(publication_date)), 0) AS oldest_seconds,
					       count(*) FILTER (WHERE status = 'FAILED') AS failed,
					       count(*) FILTER (WHERE status = 'FAILED' AND completion_attempts >= :maxAttempts) AS parked
					  FROM events.event_publication WHERE completion_date IS NULL GROUP BY listener_id""")
				.param("maxAttempts", settings.retry().maxAttempts())
				.query(row -> {
					var backlog = backlogs.computeIfAbsent(row.getString("listener_id"), this::register);
					backlog.incomplete = row.getLong("incomplete");
					backlog.oldestSeconds = row.getDouble("oldest_seconds");
					backlog.failed = row.getLong("failed");
					backlog.parked = row.getLong("parked");
					seen.add(row.getString("listener_id"));
				});
			backlogs.forEach((listener, backlog) -> {
				if (!seen.contains(listener)) {
					backlog.clear();
				}
			});
		}
		catch (RuntimeException ex) {
			// The next refresh tries again; the gauges keep their last values meanwhile.
			log.debug("Reading the outbox for its metrics failed: {}", ex.toString());
		}
	}

	private Backlog register(String listenerId) {
		var backlog = new Backlog();
		var module = ListenerModules.of(listenerId);
		var listener = PACKAGES.matcher(listenerId).replaceAll("");
		Gauge.builder("emporium.events.outbox.incomplete", backlog, value -> value.incomplete)
			.description("Publications not completed yet, per listener")
			.tags("module", module, "listener", listener)
			.register(meters);
		Gauge.builder("emporium.events.outbox.oldest.age", backlog, value -> value.oldestSeconds)
			.description("How long the oldest incomplete publication of the listener has waited")
			.baseUnit("seconds")
			.tags("module", module, "listener", listener)
			.register(meters);
		Gauge.builder("emporium.events.outbox.failed", backlog, value -> value.failed)
			.description("Incomplete publications in status FAILED: waiting for a retry, claimed for one, or parked")
			.tags("module", module, "listener", listener)
			.register(meters);
		Gauge.builder("emporium.events.outbox.parked", backlog, value -> value.parked)
			.description("FAILED publications whose attempts are used up: they wait for staff (docs/events-runbook.md)")
			.tags("module", module, "listener", listener)
			.register(meters);
		return backlog;
	}

	/** The last values read for one listener. */
	private static final class Backlog {

		volatile long incomplete;

		volatile double oldestSeconds;

		volatile long failed;

		volatile long parked;

		void clear() {
			incomplete = 0;
			oldestSeconds = 0;
			failed = 0;
			parked = 0;
		}

	}

}
