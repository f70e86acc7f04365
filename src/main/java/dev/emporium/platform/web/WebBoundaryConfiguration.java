package dev.emporium.platform.web;

import java.util.Set;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The answers given before Spring MVC sees a request, in the API's one error format: the
 * request boundary ahead of the security filters, the firewall's rejections and Tomcat's
 * own error report. docs/security.md, "API8".
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebSettings.class)
class WebBoundaryConfiguration {

	/** The methods the API and the firewall know; any other is 405, not 400. */
	static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	@Bean
	FilterRegistrationBean<RequestBoundary> requestBoundary(WebSettings settings) {
		var registration = new FilterRegistrationBean<>(new RequestBoundary(settings));
		// Before Spring Security's chain: an anonymous oversized body is refused as early
		// as a signed one.
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	@Bean
	RequestRejectedHandler problemRequestRejectedHandler() {
		return (request, response, rejection) -> {
			if (!KNOWN_METHODS.contains(request.getMethod())) {
				response.setHeader(HttpHeaders.ALLOW, String.join(", ", KNOWN_METHODS.stream().sorted().toList()));
				ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.METHOD_NOT_ALLOWED,
						"method-not-allowed", "Method not allowed", "The API does not know this HTTP method"));
				return;
			}
			ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.BAD_REQUEST, "malformed-request",
					"Malformed request", "The request URL or headers are not accepted"));
		};
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
		return new ProblemErrorReport();
	}

	/**
	 * A form body (chunked, so of unknown length) is read by Tomcat itself: the same
	 * limit.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> formBodyLimit(WebSettings settings) {
		var limit = (int) Math.min(Integer.MAX_VALUE, settings.maxRequestBody().toBytes());
		return factory -> factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(limit));
	}

	/**
	 * Replaces the error report valve Spring Boot gives Tomcat's host; ordered last so
	 * that it runs after Boot's own customizer.
	 */
	static final class ProblemErrorReport
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ProblemReportValve.class.getName());
					host.getPipeline().addValve(new ProblemReportValve());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
