package dev.emporium.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.emporium.customers.CustomerRegistered;
import dev.emporium.notifications.Notification.Kind;
import dev.emporium.orders.OrderCancelled;
import dev.emporium.orders.OrderConfirmed;
import dev.emporium.orders.OrderDelivered;
import dev.emporium.orders.OrderShipped;

/**
 * Follows customer registrations and order milestones.
 */
@Component
class OrderNotifications {

	private final NotificationManagement notifications;

	OrderNotifications(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(CustomerRegistered event) {
		notifications.remember(event);
	}

	@ApplicationModuleListener
	void on(OrderConfirmed event) {
		notifications.notify(event.customerId(), event.orderId(), Kind.CONFIRMED,
				recipient -> OrderMessages.confirmed(event, recipient));
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		notifications.notify(event.customerId(), event.orderId(), Kind.CANCELLED,
				recipient -> OrderMessages.cancelled(event, recipient));
	}

	@ApplicationModuleListener
	void on(OrderShipped event) {
		notifications.notify(event.customerId(), event.orderId(), Kind.SHIPPED,
				recipient -> OrderMessages.shipped(event, recipient));
	}

	@ApplicationModuleListener
	void on(OrderDelivered event) {
		notifications.notify(event.customerId(), event.orderId(), Kind.DELIVERED,
				recipient -> OrderMessages.delivered(event, recipient));
	}

}
