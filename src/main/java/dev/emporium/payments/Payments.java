package dev.emporium.payments;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import dev.emporium.shared.Inbox;

/**
 * The payments, at most one per order, and payments' inbox. Explicit SQL, not derived
 * queries, on the checkout's path (docs/architecture.md, "Data").
 */
interface Payments extends Repository<Payment, UUID>, Inbox {

	Payment save(Payment payment);

	@Query("SELECT * FROM payments.payment WHERE order_id = :orderId")
	Optional<Payment> findByOrderId(UUID orderId);

	@Override
	@Modifying
	@Query("INSERT INTO payments.inbox (event_id, listener) VALUES (:eventId, :listener) ON CONFLICT DO NOTHING")
	boolean markApplied(UUID eventId, String listener);

}
