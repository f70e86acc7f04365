package dev.emporium.platform.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.service.annotation.HttpExchange;

import dev.emporium.shared.IdentifiedEvent;

/**
 * What the platform knows of the application modules, each fact derived once: their names
 * from Spring Modulith's precomputed metadata, and, on first use, the types other rooms
 * look for in them (controllers, published HTTP interfaces, events), found by one
 * classpath scan.
 */
public final class ModuleIndex {

	/** The application's root package: each module is one package below it. */
	public static final String ROOT_PACKAGE = "dev.emporium";

	private static final String METADATA = "META-INF/spring-modulith/application-modules.json";

	private final Set<String> modules;

	private final Map<String, Set<String>> dependencies;

	private final Supplier<List<Class<?>>> types;

	private ModuleIndex(Set<String> modules, Map<String, Set<String>> dependencies, ClassLoader loader) {
		this.modules = modules;
		this.dependencies = dependencies;
		this.types = SingletonSupplier.of(() -> scan(modules, loader));
	}

	/**
	 * Reads the index: once per process, by the {@link ModuleTopology}, except in tests.
	 */
	public static ModuleIndex read(ClassLoader loader) {
		var metadata = new ClassPathResource(METADATA, loader);
		try (var in = metadata.getInputStream()) {
			var modules = new TreeSet<String>();
			var targets = new TreeMap<String, Set<String>>();
			JsonParserFactory.getJsonParser()
				.parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8))
				.forEach((name, module) -> {
					var description = (Map<?, ?>) module;
					if (!Boolean.TRUE.equals(description.get("shared"))) {
						modules.add(name);
						targets.put(name, targets((List<?>) description.get("dependencies")));
					}
				});
			var dependencies = new TreeMap<String, Set<String>>();
			targets.forEach((name, depended) -> dependencies.put(name,
					depended.stream().filter(modules::contains).collect(Collectors.toCollection(TreeSet::new))));
			return new ModuleIndex(Collections.unmodifiableSortedSet(modules),
					Collections.unmodifiableMap(dependencies), loader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the module metadata " + METADATA, ex);
		}
	}

	/** The application modules, the shared kernel and the platform left out. */
	public Set<String> modules() {
		return modules;
	}

	/**
	 * The application modules that a module depends on (calls, listens to or uses), as
	 * Spring Modulith recorded them; the shared kernel and the platform left out.
	 */
	public Set<String> dependenciesOf(String module) {
		return dependencies.getOrDefault(module, Set.of());
	}

	private static Set<String> targets(List<?> dependencies) {
		var targets = new TreeSet<String>();
		if (dependencies != null) {
			dependencies.forEach(dependency -> targets.add(String.valueOf(((Map<?, ?>) dependency).get("target"))));
		}
		return targets;
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

	/**
	 * The modules' top-level controllers, {@code @HttpExchange} interfaces and
	 * {@link IdentifiedEvent} types.
	 */
	public List<Class<?>> types() {
		return types.get();
	}

	/** The {@link #types()} of one module. */
	public List<Class<?>> typesOf(String module) {
		return types().stream().filter(type -> moduleOf(type.getName()).filter(module::equals).isPresent()).toList();
	}

	private static List<Class<?>> scan(Set<String> modules, ClassLoader loader) {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}

		};
		scanner.setResourceLoader(new DefaultResourceLoader(loader));
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		scanner.addIncludeFilter(new AnnotationTypeFilter(HttpExchange.class, true, false));
		scanner.addIncludeFilter(new AssignableTypeFilter(IdentifiedEvent.class));
		return scanner.findCandidateComponents(ROOT_PACKAGE)
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.filter(name -> moduleOf(name).filter(modules::contains).isPresent())
			.<Class<?>>map(name -> ClassUtils.resolveClassName(name, loader))
			.toList();
	}

}
