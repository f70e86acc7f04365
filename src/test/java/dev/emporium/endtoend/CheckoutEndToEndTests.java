package dev.emporium.endtoend;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The checkout scenario against the packaged application as most users run it: one
 * process with every module, its own throw-away PostgreSQL and no Kafka; its spans go to
 * a Zipkin server of the test's own, and its metrics are read as Prometheus scrapes them.
 */
class CheckoutEndToEndTests extends CheckoutScenario {

	// One sample: name{labels} value. The labels are matched whole, in Prometheus' order.
	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$");

	private ZipkinServer zipkin;

	private RunningApplication application;

	@BeforeAll
	void startApplication() throws Exception {
		zipkin = ZipkinServer.start();
		application = RunningApplication.start(zipkin.applicationArgument());
		shopAt(application.baseUrl());
		tracedBy(zipkin);
	}

	@AfterAll
	void stopApplication() throws Exception {
		if (application != null) {
			application.close();
		}
		if (zipkin != null) {
			zipkin.close();
		}
	}

	@Override
	Set<String> processesInAnOrdersTrace() {
		return Set.of("emporium");
	}

	/**
	 * What Prometheus scrapes after one paid and one declined order: the business
	 * counters and the checkout lag moved by exactly those orders, every event consumed
	 * and every call into a module was timed, and the outbox of every listener is empty
	 * again.
	 */
	@Test
	void prometheusScrapeCountsTheCheckoutAndShowsTheOutboxDrained() {
		var sku = productInStock("6.00", 5);
		var customer = anonymous().registeredCustomer("Prometheus Reader");
		var before = scrape();

		var paid = customer.post("/orders", order(sku, 1, "tok_visa"), new HttpHeaders())
			.getBody()
			.get("id")
			.asString();
		var declined = customer.post("/orders", order(sku, 1, "tok_declined"), new HttpHeaders())
			.getBody()
			.get("id")
			.asString();
		awaitStatus(customer, paid, "PAID");
		awaitStatus(customer, declined, "CANCELLED");

		var after = await("the outbox drained in the metrics").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(this::scrape, metrics -> sum(metrics, "emporium_events_outbox_incomplete") == 0
					&& delta(before, metrics, "emporium_orders_cancelled_total{reason=\"PAYMENT_DECLINED\"") == 1);
		assertThat(delta(before, after, "emporium_orders_placed_total")).isEqualTo(2);
		assertThat(delta(before, after, "emporium_orders_paid_total")).isEqualTo(1);
		assertThat(delta(before, after, "emporium_orders_checkout_lag_seconds_count")).isEqualTo(1);
		assertThat(after.keySet()).anyMatch(name -> name.startsWith("emporium_orders_checkout_lag_seconds_bucket{"));
		assertThat(delta(before, after, "emporium_events_published_total{event=\"OrderPlaced\",module=\"orders\""))
			.isEqualTo(2);
		assertThat(delta(before, after,
				"emporium_events_consumed_seconds_count{error=\"none\",event=\"PaymentRequested\",listener=\"PaymentListeners\",module_key=\"payments\""))
			.isEqualTo(2);
		assertThat(after.keySet()).as("a backlog gauge per listener")
			.anyMatch(name -> name.startsWith("emporium_events_outbox_incomplete{")
					&& name.contains("listener=\"PaymentListeners.on(PaymentRequested)\"")
					&& name.contains("module=\"payments\""));
		assertThat(sum(after, "emporium_events_outbox_failed")).isZero();
		assertThat(sum(after, "emporium_events_outbox_oldest_age_seconds")).isZero();
		assertThat(after).containsKey("emporium_events_resubmissions_total");
		assertThat(after.keySet()).as("calls into modules, by controllers and by listeners")
			.anyMatch(name -> name.startsWith("module_requests_seconds_count{")
					&& name.contains("module_invocation_type=\"bean\"") && name.contains("module_key=\"orders\""))
			.anyMatch(name -> name.startsWith("module_requests_seconds_count{")
					&& name.contains("module_invocation_type=\"event-listener\""));
		assertThat(after.keySet()).anyMatch(name -> name.startsWith("http_server_requests_seconds_count{"))
			.anyMatch(name -> name.startsWith("hikaricp_connections_active{"))
			.anyMatch(name -> name.startsWith("jvm_memory_used_bytes{"));
		assertThat(anonymous().actuator("prometheus").getStatusCode().value()).as("staff only").isEqualTo(401);
	}

	/** Every sample of a scrape, by its name and labels. */
	private Map<String, Double> scrape() {
		var answer = staff().actuator("prometheus");
		assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(200);
		var text = answer.getBody();
		var samples = new HashMap<String, Double>();
		text.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
			var sample = SAMPLE.matcher(line);
			if (sample.matches()) {
				samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
			}
		});
		return samples;
	}

	/** The sum of the samples whose name and labels start with the prefix. */
	private static double sum(Map<String, Double> samples, String prefix) {
		return samples.entrySet()
			.stream()
			.filter(sample -> sample.getKey().equals(prefix) || sample.getKey().startsWith(prefix + "{")
					|| (prefix.contains("{") && sample.getKey().startsWith(prefix)))
			.mapToDouble(Map.Entry::getValue)
			.sum();
	}

	private static double delta(Map<String, Double> before, Map<String, Double> after, String prefix) {
		return sum(after, prefix) - sum(before, prefix);
	}

}
