/**
 * Notifications: tells customers by e-mail when their order is confirmed, cancelled (or
 * could not be cancelled because it had shipped), shipped and delivered, and records
 * every notification so customers can read them through the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "shared", "customers", "orders" })
package dev.emporium.notifications;
