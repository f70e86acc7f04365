/**
 * Orders: placing, tracking and cancelling orders, and coordinating the checkout. Orders
 * asks inventory, payments and shipping for work with the request events they own and
 * follows their answers; none of them depends on orders.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders",
		allowedDependencies = { "shared", "catalog", "inventory", "payments", "shipping" })
package dev.emporium.orders;
