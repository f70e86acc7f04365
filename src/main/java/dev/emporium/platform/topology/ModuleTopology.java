package dev.emporium.platform.topology;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Where each application module runs, in this process or in a service of its own: set by
 * {@code emporium.modules.<module>.mode=remote} and {@code .url} on the monolith, or by
 * {@code emporium.service=<module>} in a service, which reaches the others at
 * {@code emporium.monolith.url} (docs/extraction.md, "What the switch does").
 */
public final class ModuleTopology {

	static final String DEFAULT_MONOLITH_URL = "http://localhost:8080";

	private final ModuleIndex index;

	private final Set<String> modules;

	private final Optional<String> service;

	private final Map<String, URI> remote;

	private final Supplier<ModuleEndpoints> endpoints;

	private ModuleTopology(ModuleIndex index, Optional<String> service, Map<String, URI> remote) {
		this.index = index;
		this.modules = index.modules();
		this.service = service;
		this.remote = remote;
		this.endpoints = SingletonSupplier.of(() -> ModuleEndpoints.of(index));
	}

	/**
	 * Reads the topology from {@code emporium.service}, {@code emporium.modules.*} and
	 * {@code emporium.monolith.url}, failing with a message that says what to fix when
	 * they do not make sense.
	 */
	public static ModuleTopology from(Environment environment) {
		var binder = Binder.get(environment);
		var index = ModuleIndex.read(ModuleTopology.class.getClassLoader());
		var modules = index.modules();
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
			else if (configured.mode() == ModuleSettings.Mode.REMOTE) {
				if (configured.url() == null || configured.url().isBlank()) {
					throw new IllegalStateException("emporium.modules." + module
							+ ".mode=remote needs emporium.modules." + module + ".url, the base URL of its service");
				}
				remote.put(module, url(configured.url(), module));
			}
		}
		return new ModuleTopology(index, service, Map.copyOf(remote));
	}

	/**
	 * A topology with every module local, as in tests that need no configuration.
	 */
	static ModuleTopology allLocal() {
		return new ModuleTopology(ModuleIndex.read(ModuleTopology.class.getClassLoader()), Optional.empty(), Map.of());
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

	/** The modules' names and types, read once. */
	public ModuleIndex index() {
		return index;
	}

	/** The modules' HTTP endpoints, read once on first use. */
	public ModuleEndpoints endpoints() {
		return endpoints.get();
	}

	/** Whether a class belongs to a module that runs elsewhere. */
	public boolean isRemoteClass(String className) {
		return ModuleIndex.moduleOf(className).filter(this::isRemote).isPresent();
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

}
