package dev.emporium.notifications;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A message telling a customer what happened to an order: {@code RECORDED} when no mail
 * server is configured, {@code SENT} by e-mail, or {@code FAILED} with the mail error.
 */
@Table(schema = "notifications", name = "notification")
class Notification {

	enum Kind {

		CONFIRMED, CANCELLED, CANCELLATION_REFUSED, SHIPPED, DELIVERED

	}

	private final @Id UUID id;

	private final UUID customerId;

	private final UUID orderId;

	private final Kind kind;

	private final String email;

	private final String subject;

	private final String body;

	private NotificationStatus status;

	private String failure;

	private final Instant createdAt;

	private Instant sentAt;

	private @Version Long version;

	@PersistenceCreator
	Notification(UUID id, UUID customerId, UUID orderId, Kind kind, String email, String subject, String body,
			NotificationStatus status, String failure, Instant createdAt, Instant sentAt, Long version) {
		this.id = id;
		this.customerId = customerId;
		this.orderId = orderId;
		this.kind = kind;
		this.email = email;
		this.subject = subject;
		this.body = body;
		this.status = status;
		this.failure = failure;
		this.createdAt = createdAt;
		this.sentAt = sentAt;
		this.version = version;
	}

	static Notification record(UUID orderId, Kind kind, Recipient recipient, Message message) {
		return new Notification(UUID.randomUUID(), recipient.customerId(), orderId, kind, recipient.email(),
				message.subject(), message.body(), NotificationStatus.RECORDED, null, Instant.now(), null, null);
	}

	Notification sent() {
		status = NotificationStatus.SENT;
		sentAt = Instant.now();
		failure = null;
		return this;
	}

	Notification failed(String error) {
		status = NotificationStatus.FAILED;
		failure = error;
		return this;
	}

	UUID id() {
		return id;
	}

	UUID customerId() {
		return customerId;
	}

	UUID orderId() {
		return orderId;
	}

	Kind kind() {
		return kind;
	}

	String email() {
		return email;
	}

	String subject() {
		return subject;
	}

	String body() {
		return body;
	}

	NotificationStatus status() {
		return status;
	}

	String failure() {
		return failure;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant sentAt() {
		return sentAt;
	}

	/**
	 * A notification's subject line and plain-text body.
	 */
	record Message(String subject, String body) {
	}

}
