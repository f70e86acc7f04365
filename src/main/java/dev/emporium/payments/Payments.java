package dev.emporium.payments;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The payments, at most one per order.
 * <p>
 * Explicit SQL rather than derived queries: Spring Data JDBC renders a derived query's
 * SQL on every call (14.5% of the CPU of an order and its checkout in the benchmark's
 * profile), a string query's once.
 */
interface Payments extends Repository<Payment, UUID> {

	Payment save(Payment payment);

	@Query("SELECT * FROM payments.payment WHERE order_id = :orderId")
	Optional<Payment> findByOrderId(UUID orderId);

	/**
	 * Records in the module's inbox that a listener applies an event, in the listener's
	 * transaction, so the record rolls back with its effect. The listener name is part of
	 * the key: keep it stable.
	 * @return {@code false} when the listener already applied the event: do nothing
	 */
	@Modifying
	@Query("INSERT INTO payments.inbox (event_id, listener) VALUES (:eventId, :listener) ON CONFLICT DO NOTHING")
	boolean markApplied(UUID eventId, String listener);

}
