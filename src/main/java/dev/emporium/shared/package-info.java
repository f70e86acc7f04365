/**
 * Shared kernel: value types every module may use (money, postal addresses, problem
 * types), the identity every event carries, the inbox through which listeners apply an
 * event once, and the mark of a rate-limited operation. Values and contracts only: no
 * entities, no services, no persistence of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package dev.emporium.shared;
