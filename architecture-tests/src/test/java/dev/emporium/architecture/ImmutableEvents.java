package dev.emporium.architecture;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Events and what counts as one. An event is a top-level public type in a module's base
 * package that the module's API interfaces do not mention (those are the API's value
 * records), or any module type a listener method takes. Events must be records whose
 * components are immutable values, with collections copied in the constructor.
 */
class ImmutableEvents extends ArchCondition<JavaClass> {

	private static final List<String> COLLECTIONS = List.of("java.util.List", "java.util.Set", "java.util.Map",
			"java.util.Collection");

	private static final List<String> COPIES = List.of("copyOf", "unmodifiableList", "unmodifiableSet",
			"unmodifiableMap", "unmodifiableCollection");

	ImmutableEvents() {
		super("be immutable records");
	}

	static DescribedPredicate<JavaClass> areEvents() {
		return DescribedPredicate.describe("are events", ImmutableEvents::isEvent);
	}

	static boolean isEvent(JavaClass type) {
		if (!Modules.inAModule(type) || Modules.inASharedModule(type)) {
			return false;
		}
		boolean published = type.isTopLevelClass() && !type.isInterface() && !type.isAnnotation()
				&& type.getModifiers().contains(JavaModifier.PUBLIC) && Modules.inModuleBasePackage(type)
				&& !mentionedByApiInterface(type);
		return published || type.getMethodsWithParameterTypeOfSelf()
			.stream()
			.anyMatch(method -> method.isMetaAnnotatedWith("org.springframework.context.event.EventListener"));
	}

	private static boolean mentionedByApiInterface(JavaClass type) {
		return type.getPackage()
			.getClasses()
			.stream()
			.filter(JavaClass::isInterface)
			.flatMap(api -> api.getMethods().stream())
			.anyMatch(method -> method.getReturnType().getAllInvolvedRawTypes().contains(type)
					|| method.getParameterTypes()
						.stream()
						.anyMatch(parameter -> parameter.getAllInvolvedRawTypes().contains(type)));
	}

	@Override
	public void check(JavaClass event, ConditionEvents events) {
		if (!event.isRecord()) {
			events.add(SimpleConditionEvent.violated(event,
					"Event %s is a %s, not a record".formatted(event.getName(), event.isEnum() ? "enum" : "class")));
			return;
		}
		checkComponents(event, event, new HashSet<>(), events);
	}

	private void checkComponents(JavaClass event, JavaClass record, Set<JavaClass> seen, ConditionEvents events) {
		if (!seen.add(record)) {
			return;
		}
		long collections = 0;
		for (JavaField component : record.getFields()) {
			if (component.getModifiers().contains(JavaModifier.STATIC)) {
				continue;
			}
			if (component.getRawType().isArray()) {
				events.add(SimpleConditionEvent.violated(component,
						"Event %s: component %s.%s is an array, which is mutable".formatted(event.getName(),
								record.getSimpleName(), component.getName())));
			}
			for (JavaClass type : component.getType().getAllInvolvedRawTypes()) {
				if (COLLECTIONS.contains(type.getName())) {
					collections++;
				}
				else if (type.isRecord()) {
					checkComponents(event, type, seen, events);
				}
				else if (!isImmutableValue(type)) {
					events.add(SimpleConditionEvent.violated(component,
							"Event %s: component %s.%s is a %s, which is mutable".formatted(event.getName(),
									record.getSimpleName(), component.getName(), type.getName())));
				}
			}
		}
		long copies = record.getConstructors()
			.stream()
			.flatMap(constructor -> constructor.getMethodCallsFromSelf().stream())
			.filter(call -> COPIES.contains(call.getName())
					&& call.getTargetOwner().getPackageName().equals("java.util"))
			.count();
		if (copies < collections) {
			events.add(SimpleConditionEvent.violated(record,
					"Event %s: record %s has %d collection component(s) but its constructor makes %d unmodifiable copies (use List.copyOf)"
						.formatted(event.getName(), record.getSimpleName(), collections, copies)));
		}
	}

	private static boolean isImmutableValue(JavaClass type) {
		if (type.isArray()) {
			return false;
		}
		return type.isPrimitive() || type.isEnum() || type.getPackageName().equals("java.time")
				|| List
					.of("java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean",
							"java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Double",
							"java.lang.Float", "java.util.UUID", "java.math.BigDecimal", "java.math.BigInteger",
							"java.util.Currency", "java.net.URI", "java.util.Locale")
					.contains(type.getName());
	}

}
