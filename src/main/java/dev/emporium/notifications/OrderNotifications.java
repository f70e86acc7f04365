package dev.emporium.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.emporium.customers.CustomerRegistered;
import dev.emporium.notifications.Notification.Kind;
import dev.emporium.orders.OrderCancelled;
import dev.emporium.orders.OrderConfirmed;
import dev.emporium.orders.OrderDelivered;
import dev.emporium.orders.OrderShipped;

/**
 * Follows customer registrations and order milestones. Each listener first records the
 * event in notifications' inbox, in its own transaction, and ignores an event it already
 * applied; when it throws, the inbox record rolls back with it and the event is retried.
 * The listener names passed to the inbox are part of its key: renaming one makes applied
 * events look new.
 */
@Component
class OrderNotifications {

	private static final Logger log = LoggerFactory.getLogger(OrderNotifications.class);

	private final NotificationManagement notifications;

	private final Notifications inbox;

	OrderNotifications(NotificationManagement notifications, Notifications inbox) {
		this.notifications = notifications;
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(CustomerRegistered event) {
		if (!inbox.markApplied(event.eventId(), "CustomerRegistered")) {
			log.debug("Ignoring CustomerRegistered {}: already applied", event.eventId());
			return;
		}
		notifications.remember(event);
	}

	@ApplicationModuleListener
	void on(OrderConfirmed event) {
		if (!inbox.markApplied(event.eventId(), "OrderConfirmed")) {
			log.debug("Ignoring OrderConfirmed {}: already applied", event.eventId());
			return;
		}
		notifications.notify(event.customerId(), event.orderId(), Kind.CONFIRMED,
				recipient -> OrderMessages.confirmed(event, recipient));
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		if (!inbox.markApplied(event.eventId(), "OrderCancelled")) {
			log.debug("Ignoring OrderCancelled {}: already applied", event.eventId());
			return;
		}
		notifications.notify(event.customerId(), event.orderId(), Kind.CANCELLED,
				recipient -> OrderMessages.cancelled(event, recipient));
	}

	@ApplicationModuleListener
	void on(OrderShipped event) {
		if (!inbox.markApplied(event.eventId(), "OrderShipped")) {
			log.debug("Ignoring OrderShipped {}: already applied", event.eventId());
			return;
		}
		notifications.notify(event.customerId(), event.orderId(), Kind.SHIPPED,
				recipient -> OrderMessages.shipped(event, recipient));
	}

	@ApplicationModuleListener
	void on(OrderDelivered event) {
		if (!inbox.markApplied(event.eventId(), "OrderDelivered")) {
			log.debug("Ignoring OrderDelivered {}: already applied", event.eventId());
			return;
		}
		notifications.notify(event.customerId(), event.orderId(), Kind.DELIVERED,
				recipient -> OrderMessages.delivered(event, recipient));
	}

}
