package dev.emporium.inventory;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises inventory's work on one order across transactions and instances with a
 * PostgreSQL transaction-level advisory lock, so that a request and its release (or two
 * deliveries of one request) racing each other cannot both see "no reservation yet".
 */
@Component
class OrderLocks {

	private final JdbcClient jdbc;

	OrderLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Blocks until this transaction holds the order's lock; it is released at commit or
	 * rollback.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void lock(UUID orderId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "inventory.reservation:" + orderId)
			.query((row, number) -> true)
			.single();
	}

}
