/**
 * Payments: charges and refunds through a payment gateway. The built-in gateway is a
 * sandbox that behaves like a real provider's test mode ({@code tok_visa} succeeds,
 * {@code tok_declined} is declined).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments", allowedDependencies = "shared")
package dev.emporium.payments;
