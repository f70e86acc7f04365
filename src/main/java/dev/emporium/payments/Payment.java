package dev.emporium.payments;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

import dev.emporium.shared.Money;

/**
 * The one payment of an order: charged ({@code COMPLETED}), refused ({@code DECLINED}),
 * given back ({@code REFUNDED}), or {@code VOIDED}, the tombstone of a refund requested
 * before any charge, which forbids charging the order later.
 */
@Table(schema = "payments", name = "payment")
class Payment {

	private final @Id UUID id;

	private final UUID orderId;

	private final UUID customerId;

	private final @Embedded.Nullable(prefix = "amount_") Money amount;

	private PaymentStatus status;

	private final String gatewayReference;

	private final String declineReason;

	private final Instant createdAt;

	private Instant updatedAt;

	private @Version Long version;

	@PersistenceCreator
	Payment(UUID id, UUID orderId, UUID customerId, Money amount, PaymentStatus status, String gatewayReference,
			String declineReason, Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.orderId = orderId;
		this.customerId = customerId;
		this.amount = amount;
		this.status = status;
		this.gatewayReference = gatewayReference;
		this.declineReason = declineReason;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	private Payment(UUID orderId, UUID customerId, Money amount, PaymentStatus status, String gatewayReference,
			String declineReason) {
		this(UUID.randomUUID(), orderId, customerId, amount, status, gatewayReference, declineReason, Instant.now(),
				Instant.now(), null);
	}

	static Payment completed(UUID orderId, UUID customerId, Money amount, String gatewayReference) {
		return new Payment(orderId, customerId, amount, PaymentStatus.COMPLETED, gatewayReference, null);
	}

	static Payment declined(UUID orderId, UUID customerId, Money amount, String gatewayReference, String reason) {
		return new Payment(orderId, customerId, amount, PaymentStatus.DECLINED, gatewayReference, reason);
	}

	static Payment voided(UUID orderId) {
		return new Payment(orderId, null, null, PaymentStatus.VOIDED, null, null);
	}

	boolean isRefundable() {
		return status == PaymentStatus.COMPLETED;
	}

	Payment refunded() {
		if (!isRefundable()) {
			throw new IllegalStateException("Payment %s is %s and cannot be refunded".formatted(id, status));
		}
		status = PaymentStatus.REFUNDED;
		updatedAt = Instant.now();
		return this;
	}

	boolean belongsTo(UUID customer) {
		return customerId != null && customerId.equals(customer);
	}

	UUID id() {
		return id;
	}

	UUID orderId() {
		return orderId;
	}

	UUID customerId() {
		return customerId;
	}

	Money amount() {
		return amount;
	}

	PaymentStatus status() {
		return status;
	}

	String gatewayReference() {
		return gatewayReference;
	}

	String declineReason() {
		return declineReason;
	}

}
