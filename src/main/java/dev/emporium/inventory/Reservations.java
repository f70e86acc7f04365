package dev.emporium.inventory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.repository.Repository;

import dev.emporium.shared.Inbox;

/**
 * One reservation per order, and inventory's inbox. Explicit SQL, not derived queries, on
 * the checkout's path (docs/architecture.md, "Data").
 */
interface Reservations extends Repository<Reservation, UUID>, Inbox {

	@Query("SELECT * FROM inventory.reservation WHERE order_id = :orderId")
	Optional<Reservation> findByOrderId(UUID orderId);

	@Query("SELECT EXISTS (SELECT 1 FROM inventory.reservation WHERE order_id = :orderId)")
	boolean existsByOrderId(UUID orderId);

	/**
	 * Blocks until this transaction holds a lock on the order's reservation, released at
	 * commit or rollback, so that racing requests for one order (a request and its undo,
	 * or two deliveries of one event) run one after the other, across instances too.
	 */
	@Query("SELECT true FROM pg_advisory_xact_lock(hashtextextended('inventory.reservation:' || CAST(:orderId AS text), 0))")
	boolean lockOrder(UUID orderId);

	Reservation save(Reservation reservation);

	@Override
	@Modifying
	@Query("INSERT INTO inventory.inbox (event_id, listener) VALUES (:eventId, :listener) ON CONFLICT DO NOTHING")
	boolean markApplied(UUID eventId, String listener);

}
