package dev.emporium.platform.topology;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP endpoints that each module's controllers map, read once from their
 * annotations: where the gateway forwards a request, and which operations are open to
 * anonymous callers (an empty {@code @SecurityRequirements}).
 */
public final class ModuleEndpoints {

	private static final Pattern HAS_ROLE = Pattern.compile("hasRole\\('(\\w+)'\\)");

	private final List<Endpoint> endpoints;

	private ModuleEndpoints(List<Endpoint> endpoints) {
		this.endpoints = List.copyOf(endpoints);
	}

	static ModuleEndpoints of(ModuleIndex index) {
		var endpoints = new ArrayList<Endpoint>();
		for (var type : index.types()) {
			if (AnnotatedElementUtils.hasAnnotation(type, RestController.class)) {
				var module = ModuleIndex.moduleOf(type.getName()).orElseThrow();
				endpoints.addAll(endpointsOf(module, type));
			}
		}
		return new ModuleEndpoints(endpoints);
	}

	private static List<Endpoint> endpointsOf(String module, Class<?> controller) {
		var endpoints = new ArrayList<Endpoint>();
		var prefixes = pathsOf(AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class));
		var openController = isOpen(AnnotatedElementUtils.findMergedAnnotation(controller, SecurityRequirements.class));
		var controllerAuthorization = AnnotatedElementUtils.findMergedAnnotation(controller, PreAuthorize.class);
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(controller)) {
			var mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
			if (mapping == null) {
				continue;
			}
			var security = AnnotatedElementUtils.findMergedAnnotation(method, SecurityRequirements.class);
			var authorization = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
			var role = roleOf((authorization != null) ? authorization : controllerAuthorization);
			var open = (security != null) ? isOpen(security) : openController;
			var methods = Arrays.stream(mapping.method()).map(verb -> HttpMethod.valueOf(verb.name())).toList();
			for (var prefix : prefixes) {
				for (var path : pathsOf(mapping)) {
					endpoints.add(new Endpoint(module, methods, prefix + path, open, role));
				}
			}
		}
		return endpoints;
	}

	/** The role a {@code @PreAuthorize("hasRole('X')")} requires, or {@code null}. */
	private static @Nullable String roleOf(@Nullable PreAuthorize authorization) {
		if (authorization == null) {
			return null;
		}
		var role = HAS_ROLE.matcher(authorization.value().strip());
		return role.matches() ? role.group(1) : null;
	}

	private static boolean isOpen(SecurityRequirements security) {
		return security != null && security.value().length == 0;
	}

	private static List<String> pathsOf(RequestMapping mapping) {
		if (mapping == null || mapping.path().length == 0) {
			return List.of("");
		}
		return Arrays.asList(mapping.path());
	}

	/** The path patterns of a module's endpoints. */
	public Set<String> pathsOf(String module) {
		var paths = new TreeSet<String>();
		endpoints.stream().filter(endpoint -> endpoint.module().equals(module)).forEach(e -> paths.add(e.path()));
		return paths;
	}

	/** The endpoints that anonymous callers may use, whichever process serves them. */
	public List<Endpoint> open() {
		return endpoints.stream().filter(Endpoint::open).toList();
	}

	/**
	 * The endpoints whose controllers require a role: checked by the security filters
	 * before the body is read, so that a caller without the role learns nothing about
	 * what the body should be.
	 */
	public List<Endpoint> restricted() {
		return endpoints.stream().filter(endpoint -> endpoint.role() != null).toList();
	}

	/**
	 * The endpoints that need an access token, those with fewer path variables first: a
	 * literal path ({@code /customers/me}) is matched before a pattern that also covers
	 * it ({@code /customers/{id}}), as Spring MVC does.
	 */
	public List<Endpoint> secured() {
		return endpoints.stream()
			.filter(endpoint -> !endpoint.open())
			.sorted(Comparator
				.comparingLong((Endpoint endpoint) -> endpoint.path().chars().filter(c -> c == '{').count()))
			.toList();
	}

	/** The module whose controllers map exactly this path pattern. */
	public Optional<String> moduleServing(String path) {
		return endpoints.stream().filter(endpoint -> endpoint.path().equals(path)).map(Endpoint::module).findFirst();
	}

	/**
	 * One mapped operation.
	 *
	 * @param module the module whose controller maps it
	 * @param methods its HTTP methods; empty for any
	 * @param path its path pattern
	 * @param open whether it needs no access token
	 * @param role the role its {@code @PreAuthorize} requires, or {@code null}
	 */
	public record Endpoint(String module, List<HttpMethod> methods, String path, boolean open, @Nullable String role) {
	}

}
