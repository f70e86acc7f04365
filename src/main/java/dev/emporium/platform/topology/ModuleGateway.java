package dev.emporium.platform.topology;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Forwards requests for the endpoints of modules that run elsewhere to their services
 * (Spring Cloud Gateway Server MVC), routed by their controllers' mappings
 * ({@link ModuleEndpoints}), so that clients keep the monolith's URL; an extracted
 * service does not forward.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnModuleTopology(distributed = true, monolith = true)
class ModuleGateway {

	private static final Logger log = LoggerFactory.getLogger(ModuleGateway.class);

	@Bean
	RouterFunction<ServerResponse> remoteModuleRoutes(ModuleTopology topology) {
		var routes = new ArrayList<RouterFunction<ServerResponse>>();
		for (var module : topology.remoteModules()) {
			var paths = topology.endpoints().pathsOf(module);
			if (paths.isEmpty()) {
				continue;
			}
			var target = topology.url(module);
			log.info("Forwarding {} to the {} service at {}", paths, module, target);
			routes.add(GatewayRouterFunctions.route("module-" + module)
				.route(anyOf(paths), HandlerFunctions.http())
				.before(BeforeFilterFunctions.uri(target))
				.onError(ModuleGateway::unreachable, (error, request) -> unavailable(module))
				.build());
		}
		return routes.stream()
			.reduce(RouterFunction::and)
			.orElseGet(() -> RouterFunctions.route(request -> false, request -> ServerResponse.notFound().build()));
	}

	private static RequestPredicate anyOf(Set<String> paths) {
		var predicates = new ArrayList<RequestPredicate>();
		paths.forEach(path -> predicates.add(RequestPredicates.path(path)));
		return predicates.stream().reduce(RequestPredicate::or).orElseThrow();
	}

	private static boolean unreachable(Throwable error) {
		for (var cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException || cause instanceof ResourceAccessException) {
				return true;
			}
		}
		return false;
	}

	private static ServerResponse unavailable(String module) {
		// Unlike a failed call, a forwarded request may have reached the service
		// before the connection broke: the detail does not promise nothing changed.
		var problem = ModuleUnavailableException.problem(module,
				"The " + module + " service is unavailable right now; try again shortly");
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
