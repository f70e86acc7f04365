package dev.emporium.architecture;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Follows everything a transactional method runs (its own body, its lambdas, and the code
 * of its own module that it calls, transitively) and reports each call of a method of
 * another module's type. Calls on records, enums and exceptions are values, and shared
 * modules are not modules of their own: neither counts.
 */
class NoCallsIntoOtherModules extends ArchCondition<JavaMethod> {

	private static final List<String> TRANSACTIONAL = List
		.of("org.springframework.transaction.annotation.Transactional", "jakarta.transaction.Transactional");

	NoCallsIntoOtherModules() {
		super("not call a method of another module");
	}

	/**
	 * Methods that run inside a transaction: annotated, in an annotated class, or module
	 * listeners.
	 */
	static DescribedPredicate<JavaMethod> runInATransaction() {
		return DescribedPredicate.describe("run in a transaction", NoCallsIntoOtherModules::isTransactional);
	}

	static boolean isTransactional(JavaMethod method) {
		if (method.getModifiers().contains(JavaModifier.STATIC)
				|| method.getModifiers().contains(JavaModifier.SYNTHETIC)) {
			return false;
		}
		return TRANSACTIONAL.stream()
			.anyMatch(annotation -> method.isAnnotatedWith(annotation) || method.isMetaAnnotatedWith(annotation)
					|| method.getOwner().isAnnotatedWith(annotation)
					|| method.getOwner().isMetaAnnotatedWith(annotation));
	}

	@Override
	public void check(JavaMethod method, ConditionEvents events) {
		Optional<String> module = Modules.moduleOf(method.getOwner());
		if (module.isPresent()) {
			follow(method, module.get(), new ArrayList<>(List.of(method)), new HashSet<>(), events);
		}
	}

	private void follow(JavaCodeUnit unit, String module, List<JavaCodeUnit> path, Set<JavaCodeUnit> seen,
			ConditionEvents events) {
		if (!seen.add(unit)) {
			return;
		}
		List<JavaAccess<?>> calls = new ArrayList<>(unit.getMethodCallsFromSelf());
		calls.addAll(unit.getMethodReferencesFromSelf());
		for (JavaAccess<?> call : calls) {
			JavaClass target = call.getTargetOwner();
			Optional<String> targetModule = Modules.moduleOf(target);
			if (targetModule.isEmpty() || Modules.isValue(target) || Modules.inASharedModule(target)) {
				continue;
			}
			if (!targetModule.get().equals(module)) {
				events
					.add(SimpleConditionEvent.violated(call, "%s calls %s of module %s in %s".formatted(describe(path),
							describe(call.getTarget()), targetModule.get(), call.getSourceCodeLocation())));
			}
			else {
				resolve(call.getTarget()).ifPresent(next -> follow(next, module, plus(path, next), seen, events));
			}
		}
		for (JavaMethod lambda : unit.getOwner().getMethods()) {
			if (lambda.getName().startsWith("lambda$" + unit.getName() + "$")) {
				follow(lambda, module, path, seen, events);
			}
		}
	}

	private static Optional<JavaCodeUnit> resolve(AccessTarget target) {
		return target instanceof AccessTarget.CodeUnitAccessTarget codeUnit
				? codeUnit.resolveMember().map(JavaCodeUnit.class::cast) : Optional.empty();
	}

	private static List<JavaCodeUnit> plus(List<JavaCodeUnit> path, JavaCodeUnit next) {
		List<JavaCodeUnit> longer = new ArrayList<>(path);
		longer.add(next);
		return longer;
	}

	private static String describe(List<JavaCodeUnit> path) {
		return String.join(" -> ", path.stream().map(NoCallsIntoOtherModules::describe).toList());
	}

	private static String describe(JavaCodeUnit unit) {
		return unit.getOwner().getSimpleName() + "." + unit.getName() + "()";
	}

	private static String describe(AccessTarget target) {
		return target.getOwner().getName() + "." + target.getName() + "()";
	}

}
