package dev.emporium.platform.security;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.emporium.platform.topology.ModuleEndpoints.Endpoint;
import dev.emporium.platform.topology.ModuleTopology;
import dev.emporium.platform.topology.ModuleUnavailableException;
import dev.emporium.shared.Caller;

/**
 * Stateless bearer-token security: a valid access token on every request but the API's
 * documentation, health and the operations of any module, local or remote, that declare
 * an empty {@code @SecurityRequirements}; {@code @PreAuthorize} on staff-only ones;
 * failures as problem details.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration implements WebMvcConfigurer {

	/** The claim carrying the caller's roles, such as {@code ["CUSTOMER"]}. */
	static final String ROLES_CLAIM = "roles";

	@Bean
	SecurityFilterChain api(HttpSecurity http, ModuleTopology topology, AuthenticationEntryPoint problemEntryPoint,
			AccessDeniedHandler problemAccessDeniedHandler,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> {
				topology.endpoints().open().forEach(endpoint -> permit(requests, endpoint));
				topology.endpoints().secured().forEach(endpoint -> restrict(requests, endpoint));
				requests
					.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
							"/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
					.permitAll()
					.requestMatchers("/actuator/**")
					.hasRole(Caller.STAFF)
					.anyRequest()
					.authenticated();
			})
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromToken()))
				.authenticationEntryPoint(problemEntryPoint)
				.accessDeniedHandler(problemAccessDeniedHandler)
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {

					@Override
					public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
						filter.setAuthenticationFailureHandler(keySetUnavailableAs503(
								TokenVerification.issuingModule(topology), problemEntryPoint, resolver));
						return filter;
					}

				}))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problemEntryPoint)
				.accessDeniedHandler(problemAccessDeniedHandler));
		return http.build();
	}

	/**
	 * Answers 401 with the {@code WWW-Authenticate} challenge and a problem body written
	 * by the MVC error handling. The challenge is built here, not by Spring Security's
	 * entry point, which names a metadata URL made from the request's {@code Host}
	 * header.
	 */
	@Bean
	AuthenticationEntryPoint problemEntryPoint(
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
		return (request, response, exception) -> {
			var invalidToken = exception instanceof OAuth2AuthenticationException oauth
					&& oauth.getError() instanceof BearerTokenError;
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
			resolver.resolveException(request, response, null, exception);
		};
	}

	@Bean
	AccessDeniedHandler problemAccessDeniedHandler(
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
		return (request, response, exception) -> resolver.resolveException(request, response, null, exception);
	}

	/**
	 * A token that cannot be checked because the issuer's key set cannot be fetched (the
	 * process running customers is down) is not the caller's fault: 503, not 401 or 500.
	 */
	private static AuthenticationFailureHandler keySetUnavailableAs503(String issuingModule,
			AuthenticationEntryPoint problemEntryPoint, HandlerExceptionResolver resolver) {
		return (request, response, exception) -> {
			if (exception instanceof AuthenticationServiceException) {
				resolver.resolveException(request, response, null, new ModuleUnavailableException(issuingModule,
						"its access token keys cannot be fetched", exception));
				return;
			}
			problemEntryPoint.commence(request, response, exception);
		};
	}

	/**
	 * Opens one endpoint that its controller declares open, in whichever process it runs:
	 * the gateway forwards it unauthenticated.
	 */
	private static void permit(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			Endpoint endpoint) {
		if (endpoint.methods().isEmpty()) {
			requests.requestMatchers(endpoint.path()).permitAll();
		}
		endpoint.methods().forEach(method -> requests.requestMatchers(method, endpoint.path()).permitAll());
	}

	/**
	 * Requires the role a staff-only endpoint's {@code @PreAuthorize} names already in
	 * the filters, before its body is read and validated.
	 */
	private static void restrict(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			Endpoint endpoint) {
		if (endpoint.methods().isEmpty()) {
			require(requests.requestMatchers(endpoint.path()), endpoint);
		}
		endpoint.methods().forEach(method -> require(requests.requestMatchers(method, endpoint.path()), endpoint));
	}

	private static void require(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url, Endpoint endpoint) {
		if (endpoint.role() != null) {
			url.hasRole(endpoint.role());
		}
		else {
			url.authenticated();
		}
	}

	private static JwtAuthenticationConverter rolesFromToken() {
		var authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName(ROLES_CLAIM);
		authorities.setAuthorityPrefix("ROLE_");
		var converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

	/**
	 * Resolves a {@link Caller} parameter from the verified access token.
	 */
	static class CallerArgumentResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return Caller.class.equals(parameter.getParameterType());
		}

		@Override
		public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binderFactory) {
			if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
				throw new AuthenticationCredentialsNotFoundException("An access token is required");
			}
			var staff = token.getAuthorities()
				.stream()
				.anyMatch(authority -> ("ROLE_" + Caller.STAFF).equals(authority.getAuthority()));
			return new Caller(UUID.fromString(token.getName()), staff);
		}

	}

}
