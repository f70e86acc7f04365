package dev.emporium.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the operations console at {@code /console}; the storefront is the welcome page
 * at {@code /}. Both are static files of the jar ({@code static/}) that talk to the
 * public API only (docs/client.md).
 */
@Configuration(proxyBeanMethods = false)
class ClientPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/console").setViewName("forward:/console.html");
	}

}
