/**
 * Shipping: a shipment per paid order, which staff dispatch with a tracking number and
 * mark delivered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shipping", allowedDependencies = "shared")
package dev.emporium.shipping;
