package dev.emporium.platform.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, reports the instance not ready while it still serves, for
 * {@code emporium.shutdown.delay}, so that a load balancer checking readiness stops
 * routing to it before the graceful shutdown drains it. Stops first: its phase is above
 * the web server's.
 */
@Component
class TrafficDrain implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TrafficDrain.class);

	private final ApplicationEventPublisher events;

	private final Duration delay;

	private volatile boolean running;

	private volatile boolean stopped;

	TrafficDrain(ApplicationEventPublisher events, ShutdownSettings settings) {
		this.events = events;
		this.delay = settings.delay();
	}

	@Override
	public void start() {
		running = true;
		// A context started again after a stop (Spring's test context cache pauses idle
		// contexts) serves again.
		if (stopped) {
			stopped = false;
			AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	@Override
	public void stop() {
		running = false;
		stopped = true;
		AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
		if (!delay.isZero() && !delay.isNegative()) {
			log.info("Shutting down: reported not ready, serving {} more before draining", delay);
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	/**
	 * How the instance leaves a load balancer.
	 *
	 * @param delay how long it keeps serving after it reports not ready: at least the
	 * balancer's check interval times the failed checks it needs
	 */
	@ConfigurationProperties("emporium.shutdown")
	record ShutdownSettings(@DefaultValue("2s") Duration delay) {
	}

}
