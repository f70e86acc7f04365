package dev.emporium.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Carries out the charges and refunds other modules ask for. Each listener first records
 * the request in payments' inbox, in its own transaction, and ignores a request it
 * already applied. The listener names passed to the inbox are part of its key: renaming
 * one makes applied requests look new.
 */
@Component
class PaymentRequests {

	private static final Logger log = LoggerFactory.getLogger(PaymentRequests.class);

	private final PaymentManagement payments;

	private final Payments inbox;

	PaymentRequests(PaymentManagement payments, Payments inbox) {
		this.payments = payments;
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(PaymentRequested request) {
		if (!inbox.markApplied(request.eventId(), "PaymentRequested")) {
			log.debug("Ignoring PaymentRequested {}: already applied", request.eventId());
			return;
		}
		payments.charge(request);
	}

	@ApplicationModuleListener
	void on(RefundRequested request) {
		if (!inbox.markApplied(request.eventId(), "RefundRequested")) {
			log.debug("Ignoring RefundRequested {}: already applied", request.eventId());
			return;
		}
		payments.refund(request);
	}

}
