package dev.emporium.payments;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import dev.emporium.payments.PaymentGateway.ChargeRequest;
import dev.emporium.payments.PaymentGateway.RefundFailedException;
import dev.emporium.shared.ListenerThreadPerEvent;
import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ApplicationModuleTest
@Import(ListenerThreadPerEvent.class)
class SandboxPaymentGatewayTests {

	static final Money AMOUNT = Money.of("37.00", "EUR");

	@Autowired
	SandboxPaymentGateway gateway;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource({ "tok_visa", "tok_mastercard" })
	void approvesTestCards(String token) {
		var result = gateway.charge(new ChargeRequest(key(), AMOUNT, token));

		assertThat(result.approved()).isTrue();
		assertThat(result.reference()).startsWith("ch_sandbox_");
		assertThat(result.declineReason()).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "tok_declined, card_declined", "tok_insufficient_funds, insufficient_funds",
			"tok_unknown, invalid_token", "4242424242424242, invalid_token" })
	void declinesOtherTokensWithTheProvidersReason(String token, String reason) {
		var result = gateway.charge(new ChargeRequest(key(), AMOUNT, token));

		assertThat(result.approved()).isFalse();
		assertThat(result.declineReason()).isEqualTo(reason);
	}

	@Test
	void declinesNonPositiveAmounts() {
		var result = gateway.charge(new ChargeRequest(key(), Money.zero("EUR"), "tok_visa"));

		assertThat(result.declineReason()).isEqualTo("invalid_amount");
	}

	@Test
	void chargesAnIdempotencyKeyOnceAndRepeatsTheFirstResult() {
		var key = key();

		var first = gateway.charge(new ChargeRequest(key, AMOUNT, "tok_visa"));
		var second = gateway.charge(new ChargeRequest(key, Money.of("99.00", "EUR"), "tok_declined"));

		assertThat(second).isEqualTo(first);
		assertThat(ledgerRows(key)).isEqualTo(1);
	}

	@Test
	void recordsARefundInTheLedgerOnce() {
		var charge = gateway.charge(new ChargeRequest(key(), AMOUNT, "tok_visa"));

		gateway.refund(charge.reference(), AMOUNT);
		gateway.refund(charge.reference(), AMOUNT);

		var refunded = jdbc.sql("SELECT refunded_amount FROM payments.sandbox_charge WHERE reference = ?")
			.param(charge.reference())
			.query(java.math.BigDecimal.class)
			.single();
		assertThat(refunded).isEqualByComparingTo("37.00");
	}

	@Test
	void refusesToRefundMoreThanWasCharged() {
		var charge = gateway.charge(new ChargeRequest(key(), AMOUNT, "tok_visa"));

		assertThatExceptionOfType(RefundFailedException.class)
			.isThrownBy(() -> gateway.refund(charge.reference(), Money.of("40.00", "EUR")));
	}

	@Test
	void refusesToRefundUnknownOrDeclinedCharges() {
		var declined = gateway.charge(new ChargeRequest(key(), AMOUNT, "tok_declined"));

		assertThatExceptionOfType(RefundFailedException.class).isThrownBy(() -> gateway.refund("ch_unknown", AMOUNT));
		assertThatExceptionOfType(RefundFailedException.class)
			.isThrownBy(() -> gateway.refund(declined.reference(), AMOUNT));
	}

	private int ledgerRows(String key) {
		return jdbc.sql("SELECT count(*) FROM payments.sandbox_charge WHERE idempotency_key = ?")
			.param(key)
			.query(Integer.class)
			.single();
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

}
