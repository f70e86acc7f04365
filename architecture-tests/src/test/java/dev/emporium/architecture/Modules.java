package dev.emporium.architecture;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;

/**
 * Where a class sits in a modular system, worked out from the code alone so that the same
 * rules apply to Emporium and to the fixtures: the root package holds the class annotated
 * {@code @Modulithic} (or {@code @SpringBootApplication}), and every direct sub-package
 * of the root is a module.
 */
final class Modules {

	private static final List<String> ROOT_MARKERS = List.of("org.springframework.modulith.Modulithic",
			"org.springframework.boot.autoconfigure.SpringBootApplication");

	static final String NAMED_INTERFACE = "org.springframework.modulith.NamedInterface";

	private Modules() {
	}

	static Optional<JavaPackage> rootOf(JavaClass type) {
		Optional<JavaPackage> candidate = Optional.of(type.getPackage());
		while (candidate.isPresent()) {
			if (candidate.get().getClasses().stream().anyMatch(Modules::marksRoot)) {
				return candidate;
			}
			candidate = candidate.get().getParent();
		}
		return Optional.empty();
	}

	static boolean marksRoot(JavaClass type) {
		return ROOT_MARKERS.stream().anyMatch(type::isAnnotatedWith);
	}

	/** The name of the module the class belongs to: the first package below the root. */
	static Optional<String> moduleOf(JavaClass type) {
		return rootOf(type).flatMap(root -> {
			String prefix = root.getName() + ".";
			if (!type.getPackageName().startsWith(prefix)) {
				return Optional.empty();
			}
			String relative = type.getPackageName().substring(prefix.length());
			int dot = relative.indexOf('.');
			return Optional.of(dot < 0 ? relative : relative.substring(0, dot));
		});
	}

	static boolean inAModule(JavaClass type) {
		return moduleOf(type).isPresent();
	}

	/**
	 * Shared modules (the shared kernel, the platform) as declared on the root marker.
	 */
	static Set<String> sharedModules(JavaPackage root) {
		return root.getClasses()
			.stream()
			.filter(Modules::marksRoot)
			.flatMap(marker -> marker.tryGetAnnotationOfType(ROOT_MARKERS.get(0)).stream())
			.flatMap(annotation -> annotation.get("sharedModules").stream())
			.flatMap(value -> Arrays.stream((Object[]) value))
			.map(String::valueOf)
			.collect(java.util.stream.Collectors.toSet());
	}

	static boolean inASharedModule(JavaClass type) {
		return rootOf(type).map(Modules::sharedModules)
			.flatMap(shared -> moduleOf(type).map(shared::contains))
			.orElse(false);
	}

	static boolean inModuleBasePackage(JavaClass type) {
		return rootOf(type).flatMap(root -> moduleOf(type).map(module -> root.getName() + "." + module))
			.map(type.getPackageName()::equals)
			.orElse(false);
	}

	/** Public types in a module's base package or in a {@code @NamedInterface}. */
	static boolean isModuleApi(JavaClass type) {
		return inAModule(type) && isPublicAllTheWay(type) && (inModuleBasePackage(type) || inNamedInterface(type));
	}

	private static boolean inNamedInterface(JavaClass type) {
		if (type.isAnnotatedWith(NAMED_INTERFACE)) {
			return true;
		}
		String base = rootOf(type).map(JavaPackage::getName).orElse("") + "." + moduleOf(type).orElse("");
		Optional<JavaPackage> pkg = Optional.of(type.getPackage());
		while (pkg.isPresent() && pkg.get().getName().startsWith(base)) {
			if (pkg.get().isAnnotatedWith(NAMED_INTERFACE)) {
				return true;
			}
			pkg = pkg.get().getParent();
		}
		return false;
	}

	private static boolean isPublicAllTheWay(JavaClass type) {
		return type.getModifiers().contains(JavaModifier.PUBLIC)
				&& type.getEnclosingClass().map(Modules::isPublicAllTheWay).orElse(true);
	}

	static boolean isEntity(JavaClass type) {
		return type.isAnnotatedWith("org.springframework.data.relational.core.mapping.Table")
				|| type.isAnnotatedWith("jakarta.persistence.Entity")
				|| type.getAllFields()
					.stream()
					.anyMatch(field -> field.isAnnotatedWith("org.springframework.data.annotation.Id")
							|| field.isAnnotatedWith("jakarta.persistence.Id"));
	}

	static boolean isRepository(JavaClass type) {
		return type.isAssignableTo("org.springframework.data.repository.Repository");
	}

	static boolean isController(JavaClass type) {
		return type.isAnnotatedWith("org.springframework.stereotype.Controller")
				|| type.isMetaAnnotatedWith("org.springframework.stereotype.Controller");
	}

	/**
	 * Records, enums and exceptions are values: calling them never reaches another
	 * module's logic.
	 */
	static boolean isValue(JavaClass type) {
		return type.isRecord() || type.isEnum() || type.isAssignableTo(Throwable.class);
	}

}
