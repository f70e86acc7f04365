package dev.emporium.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where each application module runs: in this process (local) or in a service of its own
 * (remote), as configured.
 * <p>
 * On the monolith, {@code emporium.modules.<module>.mode=remote} with
 * {@code emporium.modules.<module>.url} takes a module out: none of its beans start, its
 * API is reached over HTTP, its events arrive through Kafka and requests for its
 * endpoints are forwarded to it. A service started with {@code emporium.service=<module>}
 * runs that one module; every other module is remote and, unless configured otherwise,
 * reached at {@code emporium.monolith.url}.
 */
public final class ModuleTopology {

	/** The application's root package: each module is one package below it. */
	public static final String ROOT_PACKAGE = "dev.emporium";

	/**
	 * Modules every process runs: the shared kernel and the platform (the application's
	 * {@code @Modulithic(sharedModules = ...)}).
	 */
	public static final Set<String> EVERYWHERE = Set.of("shared", "platform");

	static final String DEFAULT_MONOLITH_URL = "http://localhost:8080";

	private final Set<String> modules;

	private final Optional<String> service;

	private final Map<String, URI> remote;

	private ModuleTopology(Set<String> modules, Optional<String> service, Map<String, URI> remote) {
		this.modules = modules;
		this.service = service;
		this.remote = remote;
	}

	/**
	 * Reads the topology from {@code emporium.service}, {@code emporium.modules.*} and
	 * {@code emporium.monolith.url}, failing with a message that says what to fix when
	 * they do not make sense.
	 */
	public static ModuleTopology from(Environment environment) {
		var binder = Binder.get(environment);
		var modules = discoverModules();
		var settings = binder.bind("emporium.modules", Bindable.mapOf(String.class, ModuleSettings.class))
			.orElse(Map.of());
		var service = binder.bind("emporium.service", String.class)
			.map(String::trim)
			.map(Optional::of)
			.orElse(Optional.empty())
			.filter(name -> !name.isEmpty());
		var monolith = binder.bind("emporium.monolith.url", String.class).orElse(DEFAULT_MONOLITH_URL);

		settings.keySet().stream().filter(module -> !modules.contains(module)).findFirst().ifPresent(module -> {
			throw new IllegalStateException(
					"emporium.modules." + module + " names no module; the modules are " + modules);
		});
		service.filter(module -> !modules.contains(module)).ifPresent(module -> {
			throw new IllegalStateException(
					"emporium.service=" + module + " names no module; the modules are " + modules);
		});

		var remote = new LinkedHashMap<String, URI>();
		for (var module : modules) {
			var configured = settings.getOrDefault(module, ModuleSettings.LOCAL);
			if (service.isPresent()) {
				if (!service.get().equals(module)) {
					remote.put(module, url(configured.url() != null ? configured.url() : monolith, module));
				}
			}
			else if (configured.mode() == Mode.REMOTE) {
				if (configured.url() == null || configured.url().isBlank()) {
					throw new IllegalStateException("emporium.modules." + module
							+ ".mode=remote needs emporium.modules." + module + ".url, the base URL of its service");
				}
				remote.put(module, url(configured.url(), module));
			}
		}
		return new ModuleTopology(modules, service, Map.copyOf(remote));
	}

	/**
	 * A topology with every module local, as in tests that need no configuration.
	 */
	static ModuleTopology allLocal() {
		return new ModuleTopology(discoverModules(), Optional.empty(), Map.of());
	}

	/**
	 * The application modules (shared kernel and platform left out), found as the
	 * packages below the root package that carry a {@code package-info}.
	 */
	private static Set<String> discoverModules() {
		try {
			var resources = new PathMatchingResourcePatternResolver(ModuleTopology.class.getClassLoader())
				.getResources("classpath*:" + ROOT_PACKAGE.replace('.', '/') + "/*/package-info.class");
			return Arrays.stream(resources).map(resource -> {
				var path = resource.toString();
				var end = path.lastIndexOf("/package-info.class");
				return path.substring(path.lastIndexOf('/', end - 1) + 1, end);
			}).filter(module -> !EVERYWHERE.contains(module)).collect(Collectors.toCollection(TreeSet::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the application modules", ex);
		}
	}

	private static URI url(String value, String module) {
		try {
			var uri = URI.create(value.trim());
			if (uri.getScheme() == null || uri.getHost() == null) {
				throw new IllegalArgumentException("not an absolute http(s) URL");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The URL of module " + module + " is invalid: '" + value + "'", ex);
		}
	}

	/** The application modules, shared kernel and platform left out. */
	public Set<String> modules() {
		return modules;
	}

	/** The module this process serves alone, when it runs as an extracted service. */
	public Optional<String> service() {
		return service;
	}

	/** Whether some module runs elsewhere, so that events and calls cross processes. */
	public boolean isDistributed() {
		return service.isPresent() || !remote.isEmpty();
	}

	public boolean isLocal(String module) {
		return !remote.containsKey(module);
	}

	public boolean isRemote(String module) {
		return remote.containsKey(module);
	}

	public Set<String> localModules() {
		return modules.stream().filter(this::isLocal).collect(Collectors.toCollection(TreeSet::new));
	}

	public Set<String> remoteModules() {
		return new TreeSet<>(remote.keySet());
	}

	/** The base URL of a remote module's service. */
	public URI url(String module) {
		var url = remote.get(module);
		if (url == null) {
			throw new IllegalArgumentException("Module " + module + " runs in this process");
		}
		return url;
	}

	/**
	 * The module a class belongs to ({@code dev.emporium.inventory.Stock} is
	 * {@code inventory}), or empty for classes outside any module.
	 */
	public static Optional<String> moduleOf(String className) {
		if (!className.startsWith(ROOT_PACKAGE + ".")) {
			return Optional.empty();
		}
		var rest = className.substring(ROOT_PACKAGE.length() + 1);
		var dot = rest.indexOf('.');
		return dot < 0 ? Optional.empty() : Optional.of(rest.substring(0, dot));
	}

	/** Whether a class belongs to a module that runs elsewhere. */
	public boolean isRemoteClass(String className) {
		return moduleOf(className).filter(this::isRemote).isPresent();
	}

	/** A line for the log: what runs here and what elsewhere. */
	String describe() {
		if (!isDistributed()) {
			return "all modules in this process";
		}
		var where = remote.entrySet()
			.stream()
			.map(entry -> entry.getKey() + " at " + entry.getValue())
			.collect(Collectors.joining(", "));
		return service.map(module -> "service " + module + "; other modules: " + where)
			.orElse("local: " + localModules() + "; remote: " + where);
	}

	/** How a module is deployed, as configured. */
	public enum Mode {

		/** In this process (the default). */
		LOCAL,

		/** In a service of its own, reached at its URL. */
		REMOTE

	}

	/**
	 * One module's entry under {@code emporium.modules}.
	 *
	 * @param mode local (default) or remote
	 * @param url the base URL of the module's service
	 */
	record ModuleSettings(Mode mode, String url) {

		static final ModuleSettings LOCAL = new ModuleSettings(Mode.LOCAL, null);

		ModuleSettings {
			mode = (mode != null) ? mode : Mode.LOCAL;
		}

	}

}
