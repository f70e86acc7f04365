package dev.emporium.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpHeaders;
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
 * Clients for the published APIs of modules that run elsewhere, generated from the very
 * interfaces the modules publish (those carrying {@code @HttpExchange}, such as
 * {@code catalog.Catalog}). A module that injects {@code Catalog} gets the local bean
 * when the catalog runs here and this client when it does not; its code does not change.
 * <p>
 * Every call carries the caller's access token, so the service authenticates and
 * authorizes it as it would the caller. Idempotent calls are retried on connection
 * failures and 502/503/504 answers; when a module cannot answer, the call fails with
 * {@link ModuleUnavailableException}, which the API answers with 503. Timeouts are Spring
 * Boot's {@code spring.http.clients.*} (per module:
 * {@code spring.http.serviceclient.<module>.*}).
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
							.includes(IOException.class, RetryableAnswer.class)
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
	static class Registrar extends AbstractHttpServiceRegistrar implements EnvironmentAware {

		private Environment environment;

		@Override
		public void setEnvironment(Environment environment) {
			super.setEnvironment(environment);
			this.environment = environment;
		}

		@Override
		protected void registerHttpServices(GroupRegistry registry, AnnotationMetadata metadata) {
			for (var module : ModuleTopology.from(environment).remoteModules()) {
				var interfaces = publishedHttpInterfaces(module);
				if (interfaces.length > 0) {
					registry.forGroup(module).registerTypeNames(interfaces);
				}
			}
		}

		/**
		 * The module's interfaces annotated with {@code @HttpExchange}; not the classes
		 * that implement them, which Spring's own package detection would also pick up.
		 */
		static String[] publishedHttpInterfaces(String module) {
			var scanner = new ClassPathScanningCandidateComponentProvider(false) {

				@Override
				protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
					return definition.getMetadata().isInterface() && definition.getMetadata().isIndependent();
				}

			};
			scanner.addIncludeFilter(new AnnotationTypeFilter(HttpExchange.class, true, false));
			return scanner.findCandidateComponents(ModuleTopology.ROOT_PACKAGE + "." + module)
				.stream()
				.map(BeanDefinition::getBeanClassName)
				.toArray(String[]::new);
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
						throw new RetryableAnswer(response.getStatusCode());
					}
					return response;
				});
			}
			catch (RetryException ex) {
				var cause = ex.getCause();
				var reason = (cause instanceof RetryableAnswer answer) ? "it answered " + answer.status
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
	static class RetryableAnswer extends RuntimeException {

		private final transient HttpStatusCode status;

		RetryableAnswer(HttpStatusCode status) {
			super("answered " + status, null, false, false);
			this.status = status;
		}

	}

}
