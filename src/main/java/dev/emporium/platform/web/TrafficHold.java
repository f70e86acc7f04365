package dev.emporium.platform.web;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.emporium.shared.Problems;

/**
 * Holds client traffic while a module's data moves to another database (bin/extract,
 * docs/extraction.md): the instance reports not ready, so that a load balancer stops
 * routing to it, and answers every API request but staff administration with 503 and
 * {@code Retry-After}, while its event listeners finish what is under way. Released by
 * staff or by the restart that ends the move.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrafficHold extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger log = LoggerFactory.getLogger(TrafficHold.class);

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final AtomicReference<Instant> since = new AtomicReference<>();

	TrafficHold(ApplicationEventPublisher events, JsonMapper json) {
		this.events = events;
		this.json = json;
	}

	/** Holds traffic from now on; holding again changes nothing. */
	Instant hold() {
		if (since.compareAndSet(null, Instant.now())) {
			AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
			log.warn("Holding client traffic (503 with Retry-After) until released or restarted");
		}
		return since.get();
	}

	void release() {
		if (since.getAndSet(null) != null) {
			AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
			log.warn("Client traffic released");
		}
	}

	Optional<Instant> heldSince() {
		return Optional.ofNullable(since.get());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return since.get() == null || !path.startsWith("/api/") || path.startsWith("/api/v1/admin/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "traffic-held", "Service unavailable",
				"The shop is switching a module to another database; nothing was changed, try again shortly");
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
