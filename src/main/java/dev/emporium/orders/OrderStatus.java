package dev.emporium.orders;

/**
 * Where an order stands in the checkout.
 */
enum OrderStatus {

	PLACED, RESERVED, PAID, SHIPPED, DELIVERED, CANCELLED

}
