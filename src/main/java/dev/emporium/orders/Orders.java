package dev.emporium.orders;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import dev.emporium.shared.Inbox;

/**
 * The orders placed so far, and orders' inbox. Explicit SQL, not derived queries, on the
 * checkout's path (docs/architecture.md, "Data").
 */
interface Orders extends Repository<Order, UUID>, Inbox {

	Order save(Order order);

	Optional<Order> findById(UUID id);

	/**
	 * Reads an order and locks it until the transaction ends, so that concurrent answers
	 * to the same order are applied one after the other.
	 */
	@Query("SELECT * FROM orders.orders WHERE id = :id FOR UPDATE")
	Optional<Order> findLockedById(UUID id);

	/**
	 * Writes the part of an order that changes after placement (status, cancellation
	 * reason and request, tracking number), which is all a checkout step changes: a
	 * whole-aggregate save would delete and insert every line again on each step.
	 */
	default void saveState(Order order) {
		var reason = (order.cancellationReason() != null) ? order.cancellationReason().name() : null;
		var request = (order.cancellationRequest() != null) ? order.cancellationRequest().name() : null;
		if (!updateState(order.id(), order.version(), order.status().name(), reason, order.trackingNumber(), request,
				order.cancellationRequestedAt(), order.updatedAt())) {
			throw new OptimisticLockingFailureException("Order " + order.id() + " was changed concurrently");
		}
	}

	@Modifying
	@Query("""
			UPDATE orders.orders
			   SET status = :status, cancellation_reason = :cancellationReason, tracking_number = :trackingNumber,
			       cancellation_request = :cancellationRequest, cancellation_requested_at = :cancellationRequestedAt,
			       updated_at = :updatedAt, version = version + 1
			 WHERE id = :id AND version = :version""")
	boolean updateState(UUID id, Long version, String status, String cancellationReason, String trackingNumber,
			String cancellationRequest, Instant cancellationRequestedAt, Instant updatedAt);

	@Query("SELECT * FROM orders.orders WHERE customer_id = :customerId AND idempotency_key = :idempotencyKey")
	Optional<Order> findByCustomerIdAndIdempotencyKey(UUID customerId, String idempotencyKey);

	Page<Order> findAll(Pageable pageable);

	Page<Order> findByStatus(OrderStatus status, Pageable pageable);

	long countByStatus(OrderStatus status);

	Page<Order> findByCustomerId(UUID customerId, Pageable pageable);

	Page<Order> findByCustomerIdAndStatus(UUID customerId, OrderStatus status, Pageable pageable);

	@Override
	@Modifying
	@Query("INSERT INTO orders.inbox (event_id, listener) VALUES (:eventId, :listener) ON CONFLICT DO NOTHING")
	boolean markApplied(UUID eventId, String listener);

}
