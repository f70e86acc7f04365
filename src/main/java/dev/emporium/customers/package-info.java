/**
 * Customers: registration, login with signed access tokens, and the roles CUSTOMER and
 * STAFF.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers", allowedDependencies = "shared")
package dev.emporium.customers;
