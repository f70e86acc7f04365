package dev.emporium.payments;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PaymentTests {

	static final Money AMOUNT = Money.of("37.00", "EUR");

	@Test
	void completedPaymentCanBeRefunded() {
		var payment = Payment.completed(UUID.randomUUID(), UUID.randomUUID(), AMOUNT, "ch_1");

		assertThat(payment.isRefundable()).isTrue();
		assertThat(payment.refunded().status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.isRefundable()).isFalse();
	}

	@Test
	void refusesToRefundTwice() {
		var payment = Payment.completed(UUID.randomUUID(), UUID.randomUUID(), AMOUNT, "ch_1").refunded();

		assertThatIllegalStateException().isThrownBy(payment::refunded);
	}

	@Test
	void declinedPaymentKeepsItsReasonAndIsNotRefundable() {
		var payment = Payment.declined(UUID.randomUUID(), UUID.randomUUID(), AMOUNT, "ch_2", "card_declined");

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.declineReason()).isEqualTo("card_declined");
		assertThatIllegalStateException().isThrownBy(payment::refunded);
	}

	@Test
	void voidedTombstoneHasNoCustomerAmountOrChargeAndCannotBeRefunded() {
		var payment = Payment.voided(UUID.randomUUID());

		assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(payment.customerId()).isNull();
		assertThat(payment.amount()).isNull();
		assertThat(payment.gatewayReference()).isNull();
		assertThat(payment.isRefundable()).isFalse();
	}

	@Test
	void belongsOnlyToItsCustomer() {
		var customer = UUID.randomUUID();
		var payment = Payment.completed(UUID.randomUUID(), customer, AMOUNT, "ch_1");

		assertThat(payment.belongsTo(customer)).isTrue();
		assertThat(payment.belongsTo(UUID.randomUUID())).isFalse();
		assertThat(Payment.voided(UUID.randomUUID()).belongsTo(customer)).isFalse();
	}

}
