package dev.emporium.platform.events;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs application module listeners asynchronously, after the publishing transaction
 * commits, as Spring Modulith's {@code @ApplicationModuleListener} expects.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class EventProcessingConfiguration {

}
