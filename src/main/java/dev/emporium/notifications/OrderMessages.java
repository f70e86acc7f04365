package dev.emporium.notifications;

import dev.emporium.notifications.Notification.Message;
import dev.emporium.orders.OrderCancellationRefused;
import dev.emporium.orders.OrderCancelled;
import dev.emporium.orders.OrderConfirmed;
import dev.emporium.orders.OrderDelivered;
import dev.emporium.orders.OrderShipped;

/**
 * The wording of the e-mails about an order, in plain text.
 */
final class OrderMessages {

	private static final String SIGNATURE = "\n\nThe Emporium team\n";

	private OrderMessages() {
	}

	static Message confirmed(OrderConfirmed event, Recipient recipient) {
		return new Message("Your Emporium order %s is confirmed".formatted(event.orderId()), greeting(recipient) + """
				thank you for your order. We received your payment of %s and your order %s is confirmed.

				We are now packing it and will e-mail you again with a tracking number as soon as it leaves \
				our warehouse.""".formatted(event.total(), event.orderId()) + SIGNATURE);
	}

	static Message cancelled(OrderCancelled event, Recipient recipient) {
		return new Message("Your Emporium order %s was cancelled".formatted(event.orderId()), greeting(recipient)
				+ "your order %s was cancelled: %s".formatted(event.orderId(), reason(event.reason())) + SIGNATURE);
	}

	static Message cancellationRefused(OrderCancellationRefused event, Recipient recipient) {
		return new Message("Your Emporium order %s could not be cancelled".formatted(event.orderId()),
				greeting(recipient) + """
						we are sorry: your order %s had already left our warehouse when your cancellation reached \
						us, so it could not be cancelled and nothing was refunded.

						Tracking number: %s
						If you no longer want it, just reply to this e-mail once it has arrived and we will arrange \
						a return.""".formatted(event.orderId(), event.trackingNumber()) + SIGNATURE);
	}

	static Message shipped(OrderShipped event, Recipient recipient) {
		return new Message("Your Emporium order %s is on its way".formatted(event.orderId()), greeting(recipient) + """
				good news: your order %s has left our warehouse.

				Tracking number: %s
				Use it on the carrier's website to see where your parcel is.""".formatted(event.orderId(),
				event.trackingNumber()) + SIGNATURE);
	}

	static Message delivered(OrderDelivered event, Recipient recipient) {
		return new Message("Your Emporium order %s was delivered".formatted(event.orderId()), greeting(recipient) + """
				your order %s was delivered. We hope you enjoy it!

				If anything is missing or damaged, just reply to this e-mail and we will put it right."""
			.formatted(event.orderId()) + SIGNATURE);
	}

	private static String greeting(Recipient recipient) {
		return "Hello " + recipient.name() + ",\n\n";
	}

	private static String reason(String reason) {
		return switch (String.valueOf(reason)) {
			case "OUT_OF_STOCK" -> "some of the items you ordered are no longer in stock, so we could not "
					+ "reserve them for you. Nothing was charged.";
			case "PAYMENT_DECLINED" -> "your card issuer declined the payment, so nothing was charged. "
					+ "You are welcome to order again with another card.";
			case "CUSTOMER_REQUEST" -> "you asked us to cancel it. If you had already paid, the full amount "
					+ "is being refunded to your card.";
			default -> "we could not complete it. If you were charged, the full amount will be refunded.";
		};
	}

}
