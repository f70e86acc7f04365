package dev.emporium.shipping;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.repository.Repository;

/**
 * One shipment per order.
 * <p>
 * Explicit SQL rather than derived queries: Spring Data JDBC renders a derived query's
 * SQL on every call (14.5% of the CPU of an order and its checkout in the benchmark's
 * profile), a string query's once.
 */
interface Shipments extends Repository<Shipment, UUID> {

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
