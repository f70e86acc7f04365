package dev.emporium.notifications;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.emporium.customers.CustomerRegistered;
import dev.emporium.notifications.Notification.Kind;
import dev.emporium.notifications.Notification.Message;

/**
 * Keeps customers' contact details and tells them, once per order and kind, what happened
 * to their orders.
 */
@Service
@Transactional
class NotificationManagement {

	private final Recipients recipients;

	private final Notifications notifications;

	private final NotificationMailer mailer;

	NotificationManagement(Recipients recipients, Notifications notifications, NotificationMailer mailer) {
		this.recipients = recipients;
		this.notifications = notifications;
		this.mailer = mailer;
	}

	void remember(CustomerRegistered customer) {
		recipients.upsert(customer.customerId(), customer.email(), customer.name());
	}

	/**
	 * Records and sends a notification unless the order already has one of this kind.
	 * @throws UnknownRecipientException when the customer's contact details have not
	 * arrived yet
	 */
	void notify(UUID customerId, UUID orderId, Kind kind, Function<Recipient, Message> message) {
		if (notifications.existsByOrderIdAndKind(orderId, kind)) {
			return;
		}
		// Events arrive in no guaranteed order: CustomerRegistered may still be on its
		// way.
		// Failing leaves the event publication incomplete, so it is delivered again
		// later.
		var recipient = recipients.findById(customerId).orElseThrow(() -> new UnknownRecipientException(customerId));
		var notification = notifications.save(Notification.record(orderId, kind, recipient, message.apply(recipient)));
		var delivered = mailer.deliver(notification);
		if (delivered.status() != NotificationStatus.RECORDED) {
			notifications.save(delivered);
		}
	}

	@Transactional(readOnly = true)
	Page<Notification> notificationsOf(UUID customerId, int page, int size) {
		return notifications.findByCustomerId(customerId,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
	}

	/**
	 * No contact details are known for a customer yet.
	 */
	static class UnknownRecipientException extends RuntimeException {

		UnknownRecipientException(UUID customerId) {
			super("No contact details for customer %s yet".formatted(customerId));
		}

	}

}
