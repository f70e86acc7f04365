package dev.emporium.payments;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Carries out the charges and refunds other modules ask for; each applies its request
 * once through payments' inbox.
 */
@Component
class PaymentListeners {

	private final PaymentManagement payments;

	private final Payments inbox;

	PaymentListeners(PaymentManagement payments, Payments inbox) {
		this.payments = payments;
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(PaymentRequested request) {
		inbox.applyOnce(request, "PaymentRequested", () -> payments.charge(request));
	}

	@ApplicationModuleListener
	void on(RefundRequested request) {
		inbox.applyOnce(request, "RefundRequested", () -> payments.refund(request));
	}

}
