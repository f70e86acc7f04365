package dev.emporium.payments;

/**
 * Where an order's payment stands.
 */
enum PaymentStatus {

	COMPLETED, DECLINED, REFUNDED, VOIDED

}
