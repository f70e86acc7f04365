package dev.emporium.payments;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the sandbox gateway's ledger the way a provider's dashboard would show it: what
 * was charged and refunded for an order.
 */
record SandboxLedger(JdbcClient jdbc) {

	int charges(UUID orderId) {
		return jdbc.sql("SELECT count(*) FROM payments.sandbox_charge WHERE idempotency_key = ? AND approved")
			.param(orderId.toString())
			.query(Integer.class)
			.single();
	}

	BigDecimal refundedAmount(UUID orderId) {
		return jdbc.sql("SELECT refunded_amount FROM payments.sandbox_charge WHERE idempotency_key = ?")
			.param(orderId.toString())
			.query(BigDecimal.class)
			.single();
	}

}
