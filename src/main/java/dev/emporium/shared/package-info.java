/**
 * Shared kernel: value types every module may use (money, postal addresses, problem
 * types) and the identity every event carries. Values only: no entities, no services, no
 * persistence.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package dev.emporium.shared;
