package dev.emporium.inventory;

/**
 * Where an order's reservation of stock stands.
 */
enum ReservationStatus {

	RESERVED, REJECTED, RELEASED, COMMITTED

}
