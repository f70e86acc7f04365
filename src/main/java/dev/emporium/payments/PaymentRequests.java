package dev.emporium.payments;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Carries out the charges and refunds other modules ask for.
 */
@Component
class PaymentRequests {

	private final PaymentManagement payments;

	PaymentRequests(PaymentManagement payments) {
		this.payments = payments;
	}

	@ApplicationModuleListener
	void on(PaymentRequested request) {
		payments.charge(request);
	}

	@ApplicationModuleListener
	void on(RefundRequested request) {
		payments.refund(request);
	}

}
