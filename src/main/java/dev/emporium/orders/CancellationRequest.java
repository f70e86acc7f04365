package dev.emporium.orders;

/**
 * Where a customer's request to cancel a paid order stands: shipping accepts it while the
 * shipment has not left the warehouse and refuses it once it has.
 */
enum CancellationRequest {

	PENDING, ACCEPTED, REFUSED

}
