/**
 * Platform: what every module and every extracted service needs and no module owns (the
 * database connection and its embedded default, web security and token keys, problem
 * responses, the OpenAPI document, event processing). Modules never depend on it; they
 * use the Spring abstractions it configures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.emporium.platform;
