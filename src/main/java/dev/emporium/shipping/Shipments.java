package dev.emporium.shipping;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.repository.Repository;

import dev.emporium.shared.Inbox;

/**
 * One shipment per order, and shipping's inbox. Explicit SQL, not derived queries, on the
 * checkout's path (docs/architecture.md, "Data").
 */
interface Shipments extends Repository<Shipment, UUID>, Inbox {

	Optional<Shipment> findById(UUID id);

	@Query("SELECT * FROM shipping.shipment WHERE order_id = :orderId")
	Optional<Shipment> findByOrderId(UUID orderId);

	/**
	 * Locks the shipment row so that staff and event listeners changing it wait for each
	 * other instead of failing on a stale version.
	 */
	@Query("SELECT * FROM shipping.shipment WHERE id = :id FOR UPDATE")
	Optional<Shipment> findLockedById(UUID id);

	@Query("SELECT * FROM shipping.shipment WHERE order_id = :orderId FOR UPDATE")
	Optional<Shipment> findLockedByOrderId(UUID orderId);

	/**
	 * Blocks until this transaction holds a lock on the order's shipment, released at
	 * commit or rollback, so that racing requests for one order (a request and its undo,
	 * or two deliveries of one event) run one after the other, across instances too.
	 */
	@Query("SELECT true FROM pg_advisory_xact_lock(hashtextextended('shipping.shipment:' || CAST(:orderId AS text), 0))")
	boolean lockOrder(UUID orderId);

	Shipment save(Shipment shipment);

	@Override
	@Modifying
	@Query("INSERT INTO shipping.inbox (event_id, listener) VALUES (:eventId, :listener) ON CONFLICT DO NOTHING")
	boolean markApplied(UUID eventId, String listener);

}
