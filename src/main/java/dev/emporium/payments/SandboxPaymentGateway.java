package dev.emporium.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.emporium.shared.Money;

/**
 * A payment gateway that behaves like a real provider's test mode: {@code tok_visa} and
 * {@code tok_mastercard} are approved, {@code tok_declined} is declined with
 * {@code card_declined}, {@code tok_insufficient_funds} with {@code insufficient_funds},
 * and any other token with {@code invalid_token}. Like a provider's dashboard it keeps a
 * ledger of charges and refunds ({@code payments.sandbox_charge}), one charge per
 * idempotency key. It is the only gateway until a real provider's adapter replaces it.
 */
@Component
// Its own transactions: like a remote provider, a charge stays made when the caller's
// transaction rolls back, and a retry with the same idempotency key finds it.
@Transactional(propagation = Propagation.REQUIRES_NEW)
class SandboxPaymentGateway implements PaymentGateway {

	private static final Map<String, String> DECLINED_TOKENS = Map.of("tok_declined", "card_declined",
			"tok_insufficient_funds", "insufficient_funds");

	private final JdbcClient jdbc;

	SandboxPaymentGateway(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ChargeResult charge(ChargeRequest request) {
		var declineReason = declineReason(request);
		jdbc.sql("""
				INSERT INTO payments.sandbox_charge
				  (reference, idempotency_key, amount, currency, approved, decline_reason, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (idempotency_key) DO NOTHING""")
			.params("ch_sandbox_" + UUID.randomUUID().toString().replace("-", ""), request.idempotencyKey(),
					request.amount().amount(), request.amount().currency(), declineReason == null, declineReason,
					Timestamp.from(Instant.now()))
			.update();
		return jdbc
			.sql("SELECT reference, approved, decline_reason FROM payments.sandbox_charge WHERE idempotency_key = ?")
			.param(request.idempotencyKey())
			.query((row, number) -> new ChargeResult(row.getString("reference"), row.getBoolean("approved"),
					row.getString("decline_reason")))
			.single();
	}

	@Override
	public void refund(String chargeReference, Money amount) {
		var charged = jdbc.sql("SELECT amount FROM payments.sandbox_charge WHERE reference = ? AND approved")
			.param(chargeReference)
			.query(BigDecimal.class)
			.optional()
			.orElseThrow(() -> new RefundFailedException("No approved charge " + chargeReference));
		if (amount.amount().compareTo(charged) > 0) {
			throw new RefundFailedException("Cannot refund %s of charge %s, only %s was charged".formatted(amount,
					chargeReference, charged.toPlainString()));
		}
		jdbc.sql("""
				UPDATE payments.sandbox_charge SET refunded_amount = ?, refunded_at = ?
				WHERE reference = ? AND refunded_at IS NULL""")
			.params(amount.amount(), Timestamp.from(Instant.now()), chargeReference)
			.update();
	}

	private static String declineReason(ChargeRequest request) {
		if (!request.amount().isPositive()) {
			return "invalid_amount";
		}
		var token = String.valueOf(request.token());
		if (token.equals("tok_visa") || token.equals("tok_mastercard")) {
			return null;
		}
		return DECLINED_TOKENS.getOrDefault(token, "invalid_token");
	}

}
