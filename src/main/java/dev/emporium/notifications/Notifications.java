package dev.emporium.notifications;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import dev.emporium.shared.Inbox;

/**
 * The notifications sent or recorded, at most one per order and kind, and notifications'
 * inbox. Explicit SQL, not derived queries, on the checkout's path (docs/architecture.md,
 * "Data").
 */
interface Notifications extends Repository<Notification, UUID>, Inbox {

	Notification save(Notification notification);

	@Query("SELECT EXISTS (SELECT 1 FROM notifications.notification WHERE order_id = :orderId AND kind = :kind)")
	boolean existsByOrderIdAndKind(UUID orderId, Notification.Kind kind);

	Page<Notification> findByCustomerId(UUID customerId, Pageable pageable);

	@Override
	@Modifying
	@Query("INSERT INTO notifications.inbox (event_id, listener) VALUES (:eventId, :listener) ON CONFLICT DO NOTHING")
	boolean markApplied(UUID eventId, String listener);

}
