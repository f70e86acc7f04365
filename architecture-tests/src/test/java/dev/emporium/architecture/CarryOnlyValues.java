package dev.emporium.architecture;

import java.util.List;
import java.util.Optional;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Checks what a module's API lets cross its boundary: the components of its public
 * records (events, values) and the parameters and results of the public methods of its
 * API interfaces must be records or enums of values and IDs, never an entity, a
 * repository, or a JDBC, persistence or web type.
 */
class CarryOnlyValues extends ArchCondition<JavaClass> {

	private static final List<String> FORBIDDEN_PACKAGES = List.of("java.sql", "javax.sql", "jakarta.persistence",
			"jakarta.servlet", "org.springframework.jdbc", "org.springframework.data", "org.springframework.web",
			"org.springframework.http", "org.springframework.transaction");

	CarryOnlyValues() {
		super("carry only records of values and IDs");
	}

	@Override
	public void check(JavaClass api, ConditionEvents events) {
		if (api.isRecord()) {
			for (JavaField component : api.getFields()) {
				if (!component.getModifiers().contains(JavaModifier.STATIC)) {
					check(component.getType(), "component " + api.getName() + "." + component.getName(), component,
							events);
				}
			}
		}
		else if (!api.isEnum()) {
			for (JavaMethod method : api.getMethods()) {
				if (method.getModifiers().contains(JavaModifier.PUBLIC)) {
					String where = "method " + method.getFullName();
					method.getParameterTypes().forEach(type -> check(type, where, method, events));
					check(method.getReturnType(), where, method, events);
				}
			}
		}
	}

	private void check(JavaType type, String where, Object member, ConditionEvents events) {
		for (JavaClass raw : type.getAllInvolvedRawTypes()) {
			problem(raw).ifPresent(problem -> events.add(SimpleConditionEvent.violated(member,
					"%s uses %s, which %s".formatted(where, raw.getName(), problem))));
		}
	}

	private static Optional<String> problem(JavaClass type) {
		JavaClass raw = type.isArray() ? type.getBaseComponentType() : type;
		if (raw.isPrimitive()) {
			return Optional.empty();
		}
		if (Modules.isEntity(raw)) {
			return Optional.of("is an entity");
		}
		if (Modules.isRepository(raw)) {
			return Optional.of("is a repository");
		}
		if (FORBIDDEN_PACKAGES.stream().anyMatch(prefix -> raw.getPackageName().startsWith(prefix))) {
			return Optional.of("is a JDBC, persistence or web type");
		}
		if (Modules.inAModule(raw) && !raw.isRecord() && !raw.isEnum()) {
			return Optional.of("is neither a record nor an enum");
		}
		return Optional.empty();
	}

}
