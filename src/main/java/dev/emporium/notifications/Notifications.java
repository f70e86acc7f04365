package dev.emporium.notifications;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/**
 * The notifications sent or recorded, at most one per order and kind.
 */
interface Notifications extends Repository<Notification, UUID> {

	Notification save(Notification notification);

	boolean existsByOrderIdAndKind(UUID orderId, Notification.Kind kind);

	Page<Notification> findByCustomerId(UUID customerId, Pageable pageable);

}
