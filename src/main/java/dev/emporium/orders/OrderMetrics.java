package dev.emporium.orders;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The checkout as business metrics: orders placed, paid and cancelled (by reason), and
 * the checkout lag from placed to paid as a histogram. Each is counted once its
 * transaction commits, so that a rolled-back or redelivered step counts nothing
 * (docs/observability.md).
 */
@Component
class OrderMetrics {

	private final MeterRegistry meters;

	private final Counter placed;

	private final Counter paid;

	private final Timer checkoutLag;

	OrderMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.placed = Counter.builder("emporium.orders.placed").description("Orders placed").register(meters);
		this.paid = Counter.builder("emporium.orders.paid").description("Orders paid").register(meters);
		this.checkoutLag = Timer.builder("emporium.orders.checkout.lag")
			.description("From an order placed to the order paid: stock reserved and payment taken")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(5))
			.maximumExpectedValue(Duration.ofMinutes(5))
			.register(meters);
	}

	void placed() {
		afterCommit(placed::increment);
	}

	void paid(Instant placedAt) {
		afterCommit(() -> {
			paid.increment();
			checkoutLag.record(Duration.between(placedAt, Instant.now()));
		});
	}

	void cancelled(CancellationReason reason) {
		afterCommit(() -> Counter.builder("emporium.orders.cancelled")
			.description("Orders cancelled, by reason")
			.tag("reason", reason.name())
			.register(meters)
			.increment());
	}

	private static void afterCommit(Runnable count) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				count.run();
			}
		});
	}

}
