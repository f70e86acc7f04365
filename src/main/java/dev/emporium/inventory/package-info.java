/**
 * Inventory: stock per SKU (on hand, reserved, available). Reserves stock when asked to,
 * releases it on request and commits it when a shipment leaves; it never oversells.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory",
		allowedDependencies = { "shared", "catalog", "shipping" })
package dev.emporium.inventory;
