package dev.emporium.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.emporium.customers.CustomerRegistered;
import dev.emporium.notifications.Notification.Kind;
import dev.emporium.orders.OrderCancellationRefused;
import dev.emporium.orders.OrderCancelled;
import dev.emporium.orders.OrderConfirmed;
import dev.emporium.orders.OrderDelivered;
import dev.emporium.orders.OrderShipped;

/**
 * Follows customer registrations and order milestones; each applies its event once
 * through notifications' inbox.
 */
@Component
class NotificationListeners {

	private final NotificationManagement notifications;

	private final Notifications inbox;

	NotificationListeners(NotificationManagement notifications, Notifications inbox) {
		this.notifications = notifications;
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(CustomerRegistered event) {
		inbox.applyOnce(event, "CustomerRegistered", () -> notifications.remember(event));
	}

	@ApplicationModuleListener
	void on(OrderConfirmed event) {
		inbox.applyOnce(event, "OrderConfirmed", () -> notifications.notify(event.customerId(), event.orderId(),
				Kind.CONFIRMED, recipient -> OrderMessages.confirmed(event, recipient)));
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		inbox.applyOnce(event, "OrderCancelled", () -> notifications.notify(event.customerId(), event.orderId(),
				Kind.CANCELLED, recipient -> OrderMessages.cancelled(event, recipient)));
	}

	@ApplicationModuleListener
	void on(OrderCancellationRefused event) {
		inbox.applyOnce(event, "OrderCancellationRefused",
				() -> notifications.notify(event.customerId(), event.orderId(), Kind.CANCELLATION_REFUSED,
						recipient -> OrderMessages.cancellationRefused(event, recipient)));
	}

	@ApplicationModuleListener
	void on(OrderShipped event) {
		inbox.applyOnce(event, "OrderShipped", () -> notifications.notify(event.customerId(), event.orderId(),
				Kind.SHIPPED, recipient -> OrderMessages.shipped(event, recipient)));
	}

	@ApplicationModuleListener
	void on(OrderDelivered event) {
		inbox.applyOnce(event, "OrderDelivered", () -> notifications.notify(event.customerId(), event.orderId(),
				Kind.DELIVERED, recipient -> OrderMessages.delivered(event, recipient)));
	}

}
