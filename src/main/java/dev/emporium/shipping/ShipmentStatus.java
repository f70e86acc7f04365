package dev.emporium.shipping;

/**
 * Where a shipment stands.
 */
enum ShipmentStatus {

	PENDING, DISPATCHED, DELIVERED, CANCELLED

}
