/**
 * Platform: what every module and every extracted service needs and no module owns, one
 * sub-package (room) per concern: {@code database}, {@code web}, {@code security},
 * {@code events}, {@code kafka}, {@code topology} and {@code observability}
 * (docs/architecture.md). Modules never depend on it; they use the Spring abstractions it
 * configures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.emporium.platform;
