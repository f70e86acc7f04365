package dev.emporium.payments;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.emporium.shared.ListenerThreadPerEvent;
import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationModuleTest
@Import(ListenerThreadPerEvent.class)
class PaymentsIntegrationTests {

	static final Money AMOUNT = Money.of("37.00", "EUR");

	@Autowired
	Payments payments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationRegistry publications;

	@Test
	void chargesAnApprovedCardAndPublishesPaymentCompleted(Scenario scenario) {
		var request = request("tok_visa");

		scenario.publish(request)
			.andWaitForEventOfType(PaymentCompleted.class)
			.matching(event -> event.orderId().equals(request.orderId()))
			.toArriveAndVerify(event -> {
				assertThat(event.amount()).isEqualTo(AMOUNT);
				var payment = payments.findByOrderId(request.orderId()).orElseThrow();
				assertThat(payment.id()).isEqualTo(event.paymentId());
				assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
				assertThat(payment.customerId()).isEqualTo(request.customerId());
				assertThat(new SandboxLedger(jdbc).charges(request.orderId())).isEqualTo(1);
			});
	}

	@Test
	void recordsADeclinedCardAndPublishesPaymentDeclined(Scenario scenario) {
		var request = request("tok_declined");

		scenario.publish(request)
			.andWaitForEventOfType(PaymentDeclined.class)
			.matching(event -> event.orderId().equals(request.orderId()))
			.toArriveAndVerify(event -> {
				assertThat(event.reason()).isEqualTo("card_declined");
				var payment = payments.findByOrderId(request.orderId()).orElseThrow();
				assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
				assertThat(payment.declineReason()).isEqualTo("card_declined");
			});
	}

	@Test
	void chargesARepeatedRequestOnlyOnce(Scenario scenario) {
		var request = request("tok_visa");
		// A second request for the same order under its own eventId: the inbox lets it
		// through, the one payment per order stops it (PaymentsDuplicateDeliveryTests
		// covers the same event delivered twice).
		var repeated = new PaymentRequested(request.orderId(), request.customerId(), AMOUNT, "tok_visa");

		scenario.stimulate((transactions, events) -> {
			transactions.executeWithoutResult(status -> {
				events.publishEvent(request);
				events.publishEvent(repeated);
			});
		})
			.andWaitForStateChange(() -> incompletePublicationsFor(request.orderId()), List::isEmpty)
			.andVerifyEvents(events -> {
				assertThat(events.ofType(PaymentCompleted.class)
					.matching(event -> event.orderId().equals(request.orderId()))).hasSize(1);
				assertThat(new SandboxLedger(jdbc).charges(request.orderId())).isEqualTo(1);
				assertThat(payments.findByOrderId(request.orderId())).get()
					.extracting(Payment::status)
					.isEqualTo(PaymentStatus.COMPLETED);
			});
	}

	@Test
	void refundsACompletedPaymentThroughTheGateway(Scenario scenario) {
		var request = request("tok_visa");
		scenario.publish(request)
			.andWaitForEventOfType(PaymentCompleted.class)
			.matching(event -> event.orderId().equals(request.orderId()))
			.toArrive();

		scenario.publish(new RefundRequested(request.orderId()))
			.andWaitForEventOfType(PaymentRefunded.class)
			.matching(event -> event.orderId().equals(request.orderId()))
			.toArriveAndVerify(event -> {
				assertThat(event.amount()).isEqualTo(AMOUNT);
				assertThat(payments.findByOrderId(request.orderId())).get()
					.extracting(Payment::status)
					.isEqualTo(PaymentStatus.REFUNDED);
				assertThat(new SandboxLedger(jdbc).refundedAmount(request.orderId())).isEqualByComparingTo("37.00");
			});
	}

	@Test
	void refundRequestedBeforeThePaymentLeavesATombstoneSoNothingIsChargedLater(Scenario scenario) {
		var request = request("tok_visa");
		scenario.publish(new RefundRequested(request.orderId()))
			.andWaitForStateChange(() -> payments.findByOrderId(request.orderId()))
			.andVerify(
					payment -> assertThat(payment).get().extracting(Payment::status).isEqualTo(PaymentStatus.VOIDED));

		scenario.publish(request)
			.andWaitForStateChange(() -> incompletePublicationsFor(request.orderId()), List::isEmpty)
			.andVerifyEvents(events -> {
				assertThat(events.ofType(PaymentCompleted.class)
					.matching(event -> event.orderId().equals(request.orderId()))).isEmpty();
				assertThat(events.ofType(PaymentDeclined.class)
					.matching(event -> event.orderId().equals(request.orderId()))).isEmpty();
				assertThat(new SandboxLedger(jdbc).charges(request.orderId())).isZero();
				assertThat(payments.findByOrderId(request.orderId())).get()
					.extracting(Payment::status)
					.isEqualTo(PaymentStatus.VOIDED);
			});
	}

	@Test
	void refundsADeclinedPaymentNever(Scenario scenario) {
		var request = request("tok_insufficient_funds");
		scenario.publish(request)
			.andWaitForEventOfType(PaymentDeclined.class)
			.matching(event -> event.orderId().equals(request.orderId()))
			.toArrive();

		scenario.publish(new RefundRequested(request.orderId()))
			.andWaitForStateChange(() -> incompletePublicationsFor(request.orderId()), List::isEmpty)
			.andVerifyEvents(events -> {
				assertThat(events.ofType(PaymentRefunded.class)).isEmpty();
				assertThat(payments.findByOrderId(request.orderId())).get()
					.extracting(Payment::status)
					.isEqualTo(PaymentStatus.DECLINED);
			});
	}

	private List<Object> incompletePublicationsFor(UUID orderId) {
		return publications.findIncompletePublications()
			.stream()
			.map(publication -> publication.getEvent())
			.filter(event -> (event instanceof PaymentRequested request && request.orderId().equals(orderId))
					|| (event instanceof RefundRequested refund && refund.orderId().equals(orderId)))
			.toList();
	}

	private static PaymentRequested request(String token) {
		return new PaymentRequested(UUID.randomUUID(), UUID.randomUUID(), AMOUNT, token);
	}

}
