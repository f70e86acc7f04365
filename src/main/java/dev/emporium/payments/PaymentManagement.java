package dev.emporium.payments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import dev.emporium.payments.PaymentGateway.ChargeRequest;
import dev.emporium.shared.Caller;

/**
 * Charges and refunds orders through the payment gateway, at most once per order, and
 * tells the outcome with {@link PaymentCompleted}, {@link PaymentDeclined} and
 * {@link PaymentRefunded}.
 */
@Service
@Transactional
class PaymentManagement {

	private final Payments payments;

	private final PaymentGateway gateway;

	private final ApplicationEventPublisher events;

	private final TransactionOperations savepoint;

	PaymentManagement(Payments payments, PaymentGateway gateway, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.payments = payments;
		this.gateway = gateway;
		this.events = events;
		var nested = new TransactionTemplate(transactions);
		nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.savepoint = nested;
	}

	void charge(PaymentRequested request) {
		// Any payment, a VOIDED tombstone included, means: never charge this order
		// (again).
		if (payments.findByOrderId(request.orderId()).isPresent()) {
			return;
		}
		var result = gateway
			.charge(new ChargeRequest(request.orderId().toString(), request.amount(), request.paymentToken()));
		var payment = result.approved()
				? Payment.completed(request.orderId(), request.customerId(), request.amount(), result.reference())
				: Payment.declined(request.orderId(), request.customerId(), request.amount(), result.reference(),
						result.declineReason());
		var recordedMeanwhile = insertUnlessPresent(payment);
		if (recordedMeanwhile.isPresent()) {
			// A refund request voided the order while the gateway was charging: give the
			// money
			// back. A redelivered request got the gateway's first result and has nothing
			// to undo.
			if (result.approved() && recordedMeanwhile.get().status() == PaymentStatus.VOIDED) {
				gateway.refund(result.reference(), request.amount());
			}
			return;
		}
		events.publishEvent(result.approved() ? new PaymentCompleted(payment.orderId(), payment.id(), payment.amount())
				: new PaymentDeclined(payment.orderId(), payment.declineReason()));
	}

	void refund(RefundRequested request) {
		var existing = payments.findByOrderId(request.orderId());
		if (existing.isEmpty()) {
			existing = insertUnlessPresent(Payment.voided(request.orderId()));
			if (existing.isEmpty()) {
				return;
			}
		}
		var payment = existing.get();
		if (!payment.isRefundable()) {
			return;
		}
		gateway.refund(payment.gatewayReference(), payment.amount());
		payments.save(payment.refunded());
		events.publishEvent(new PaymentRefunded(payment.orderId(), payment.id(), payment.amount()));
	}

	@Transactional(readOnly = true)
	List<Payment> paymentsFor(UUID orderId, Caller caller) {
		return payments.findByOrderId(orderId)
			.filter(payment -> caller.staff() || payment.belongsTo(caller.customerId()))
			.stream()
			.toList();
	}

	/**
	 * Inserts a new payment, or returns the order's payment that a concurrent delivery
	 * recorded first; the savepoint keeps the surrounding transaction usable.
	 */
	private Optional<Payment> insertUnlessPresent(Payment payment) {
		try {
			savepoint.executeWithoutResult(status -> payments.save(payment));
			return Optional.empty();
		}
		catch (DataAccessException ex) {
			if (!(ex instanceof DuplicateKeyException) && !(ex.getCause() instanceof DuplicateKeyException)) {
				throw ex;
			}
			return payments.findByOrderId(payment.orderId());
		}
	}

}
