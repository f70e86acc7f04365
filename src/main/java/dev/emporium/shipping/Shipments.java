package dev.emporium.shipping;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
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

	Shipment save(Shipment shipment);

}
