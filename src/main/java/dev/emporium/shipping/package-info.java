/**
 * Shipping: a shipment per paid order, which staff dispatch with a tracking number and
 * mark delivered. A cancellation is accepted while the shipment is pending and refused
 * once it has left; a cancelled shipment is never dispatched.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shipping", allowedDependencies = "shared")
package dev.emporium.shipping;
