/**
 * Platform: what every module and every extracted service needs and no module owns, one
 * sub-package (room) per concern: {@code database}, {@code web}, {@code security},
 * {@code ratelimit}, {@code events}, {@code kafka}, {@code topology},
 * {@code observability} and {@code datamove} (docs/architecture.md). Modules never depend
 * on it; they use the Spring abstractions it configures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.emporium.platform;
