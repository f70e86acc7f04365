package dev.emporium.payments;

import dev.emporium.shared.Money;

/**
 * The port to a card payment provider. Charges are idempotent: charging the same
 * idempotency key again returns the first result and never charges twice.
 */
interface PaymentGateway {

	ChargeResult charge(ChargeRequest request);

	/**
	 * Refunds a charge in full; refunding an already refunded charge changes nothing.
	 * @throws RefundFailedException when the provider refuses the refund
	 */
	void refund(String chargeReference, Money amount);

	/**
	 * A request to charge {@code amount} to the card behind {@code token}.
	 *
	 * @param idempotencyKey the key under which the provider charges at most once
	 */
	record ChargeRequest(String idempotencyKey, Money amount, String token) {
	}

	/**
	 * What the provider answered: approved with the reference of its charge, or declined
	 * with a reason code such as {@code card_declined}.
	 */
	record ChargeResult(String reference, boolean approved, String declineReason) {

		static ChargeResult approved(String reference) {
			return new ChargeResult(reference, true, null);
		}

		static ChargeResult declined(String reference, String reason) {
			return new ChargeResult(reference, false, reason);
		}

	}

	/**
	 * The provider refused to refund a charge.
	 */
	class RefundFailedException extends RuntimeException {

		RefundFailedException(String message) {
			super(message);
		}

	}

}
