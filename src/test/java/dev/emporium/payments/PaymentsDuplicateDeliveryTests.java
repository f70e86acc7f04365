package dev.emporium.payments;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.emporium.shared.Money;
import dev.emporium.shared.Redeliveries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every payments listener applies one request once: the same instance delivered twice
 * charges or refunds once, publishes one outcome and leaves one inbox row.
 */
@ApplicationModuleTest
@Import(Redeliveries.class)
class PaymentsDuplicateDeliveryTests {

	static final Money AMOUNT = Money.of("37.00", "EUR");

	private final Payments payments;

	private final JdbcClient jdbc;

	private final Redeliveries redeliveries;

	PaymentsDuplicateDeliveryTests(Payments payments, JdbcClient jdbc, Redeliveries redeliveries) {
		this.payments = payments;
		this.jdbc = jdbc;
		this.redeliveries = redeliveries;
	}

	@Test
	void chargesOnceAndAnswersOnceForARedeliveredPaymentRequest(Scenario scenario) {
		var request = new PaymentRequested(UUID.randomUUID(), UUID.randomUUID(), AMOUNT, "tok_visa");

		redeliveries.deliverTwice(scenario, request);

		assertThat(new SandboxLedger(jdbc).charges(request.orderId())).isEqualTo(1);
		assertThat(payments.findByOrderId(request.orderId())).get()
			.extracting(Payment::status)
			.isEqualTo(PaymentStatus.COMPLETED);
		assertThat(redeliveries.published(PaymentCompleted.class, event -> event.orderId().equals(request.orderId())))
			.hasSize(1);
		assertThat(redeliveries.inboxRows("payments", request)).isEqualTo(1);
	}

	@Test
	void refundsOnceAndAnswersOnceForARedeliveredRefundRequest(Scenario scenario) {
		var request = new PaymentRequested(UUID.randomUUID(), UUID.randomUUID(), AMOUNT, "tok_visa");
		redeliveries.deliver(scenario, request);
		var refund = new RefundRequested(request.orderId());

		redeliveries.deliverTwice(scenario, refund);

		assertThat(new SandboxLedger(jdbc).refundedAmount(request.orderId())).isEqualByComparingTo("37.00");
		assertThat(payments.findByOrderId(request.orderId())).get()
			.extracting(Payment::status)
			.isEqualTo(PaymentStatus.REFUNDED);
		assertThat(redeliveries.published(PaymentRefunded.class, event -> event.orderId().equals(request.orderId())))
			.hasSize(1);
		assertThat(redeliveries.inboxRows("payments", refund)).isEqualTo(1);
	}

}
