package dev.emporium.platform.topology;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.AbstractHttpServiceRegistrar;

/**
 * HTTP clients for the {@code @HttpExchange} interfaces of modules that run elsewhere
 * (such as {@code catalog.Catalog}), injected where the local bean would be. Timeouts are
 * {@code spring.http.clients.*}, per module {@code spring.http.serviceclient.<module>.*}
 * (docs/extraction.md, "What the switch does").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnModuleTopology(distributed = true)
@Import(RemoteModuleClients.Registrar.class)
class RemoteModuleClients {

	@Bean
	RestClientHttpServiceGroupConfigurer remoteModuleClientSettings(ModuleTopology topology) {
		return groups -> groups.forEachClient((group, client) -> {
			var module = group.name();
			client.baseUrl(topology.url(module).toString())
				.requestInterceptor(new CallerToken())
				.requestInterceptor(new Availability(module,
						RetryPolicy.builder()
							.maxRetries(2)
							.delay(Duration.ofMillis(100))
							.multiplier(3)
							.includes(IOException.class, RetryableAnswerException.class)
							.build()))
				.defaultStatusHandler(HttpStatusCode::is5xxServerError, (request, response) -> {
					throw new ModuleUnavailableException(module, "it answered " + response.getStatusCode(), null);
				});
		});
	}

	/**
	 * Registers one HTTP service group per remote module, with the module's
	 * {@code @HttpExchange} interfaces.
	 */
	static class Registrar extends AbstractHttpServiceRegistrar {

		private BeanFactory beans;

		@Override
		public void setBeanFactory(BeanFactory beans) {
			super.setBeanFactory(beans);
			this.beans = beans;
		}

		@Override
		protected void registerHttpServices(GroupRegistry registry, AnnotationMetadata metadata) {
			var topology = beans.getBean(ModuleTopology.class);
			for (var module : topology.remoteModules()) {
				var interfaces = topology.index()
					.typesOf(module)
					.stream()
					.filter(type -> type.isInterface() && type.isAnnotationPresent(HttpExchange.class))
					.toArray(Class<?>[]::new);
				if (interfaces.length > 0) {
					registry.forGroup(module).register(interfaces);
				}
			}
		}

	}

	/**
	 * Passes the caller's access token on.
	 */
	static class CallerToken implements ClientHttpRequestInterceptor {

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken caller) {
				request.getHeaders().setBearerAuth(caller.getToken().getTokenValue());
			}
			return execution.execute(request, body);
		}

	}

	/**
	 * Retries idempotent calls that failed for reasons a retry can cure, and turns a
	 * module that stays unreachable into {@link ModuleUnavailableException}.
	 */
	static class Availability implements ClientHttpRequestInterceptor {

		private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
				HttpMethod.PUT, HttpMethod.DELETE);

		private static final Set<Integer> TRANSIENT = Set.of(502, 503, 504);

		private final String module;

		private final RetryTemplate retries;

		Availability(String module, RetryPolicy policy) {
			this.module = module;
			this.retries = new RetryTemplate(policy);
		}

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
			if (!IDEMPOTENT.contains(request.getMethod())) {
				return once(request, body, execution);
			}
			try {
				return retries.execute(() -> {
					var response = execution.execute(request, body);
					if (TRANSIENT.contains(response.getStatusCode().value())) {
						response.close();
						throw new RetryableAnswerException(response.getStatusCode());
					}
					return response;
				});
			}
			catch (RetryException ex) {
				var cause = ex.getCause();
				var reason = (cause instanceof RetryableAnswerException answer) ? "it answered " + answer.status
						: "it cannot be reached (" + cause + ")";
				throw new ModuleUnavailableException(module,
						reason + " after " + (ex.getRetryCount() + 1) + " attempts", cause);
			}
		}

		private ClientHttpResponse once(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
			try {
				return execution.execute(request, body);
			}
			catch (IOException ex) {
				throw new ModuleUnavailableException(module, "it cannot be reached (" + ex + ")", ex);
			}
		}

	}

	/**
	 * An answer that says "try again": the service is starting, overloaded or behind a
	 * proxy that lost it.
	 */
	static class RetryableAnswerException extends RuntimeException {

		private final transient HttpStatusCode status;

		RetryableAnswerException(HttpStatusCode status) {
			super("answered " + status, null, false, false);
			this.status = status;
		}

	}

}
