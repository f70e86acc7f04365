package dev.emporium.shipping;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.repository.Repository;

/**
 * One shipment per order.
 */
interface Shipments extends Repository<Shipment, UUID> {

	Optional<Shipment> findById(UUID id);

	Optional<Shipment> findByOrderId(UUID orderId);

	/**
	 * Locks the shipment row so that staff and event listeners changing it wait for each
	 * other instead of failing on a stale version.
	 */
	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Shipment> findLockedById(UUID id);

	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Shipment> findLockedByOrderId(UUID orderId);

	/**
	 * Blocks until this transaction holds a lock on the order's shipment, released at
	 * commit or rollback, so that racing requests for one order (a request and its undo,
	 * or two deliveries of one event) run one after the other, across instances too.
	 */
	@Query("SELECT true FROM pg_advisory_xact_lock(hashtextextended('shipping.shipment:' || CAST(:orderId AS text), 0))")
	boolean lockOrder(UUID orderId);

	Shipment save(Shipment shipment);

	/**
	 * Records in the module's inbox that a listener applies an event, in the listener's
	 * transaction, so the record rolls back with its effect. The listener name is part of
	 * the key: keep it stable.
	 * @return {@code false} when the listener already applied the event: do nothing
	 */
	@Modifying
	@Query("INSERT INTO shipping.inbox (event_id, listener) VALUES (:eventId, :listener) ON CONFLICT DO NOTHING")
	boolean markApplied(UUID eventId, String listener);

}
