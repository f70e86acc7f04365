package dev.emporium.architecture;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Checks that a module listener does all its work through its module's inbox: its own
 * body calls a method named {@code applyOnce} of a type of its own module, and nothing
 * else but methods of values (reading the event), so that everything it does runs in the
 * work it hands the inbox. Calls inside the body's lambdas count as that work.
 */
class ConsultTheInbox extends ArchCondition<JavaMethod> {

	static final String APPLY_ONCE = "applyOnce";

	private static final String MODULE_LISTENER = "org.springframework.modulith.events.ApplicationModuleListener";

	ConsultTheInbox() {
		super("do their work through applyOnce of their own module");
	}

	static DescribedPredicate<JavaMethod> areModuleListeners() {
		return DescribedPredicate.describe("are module listeners",
				method -> Modules.inAModule(method.getOwner()) && !Modules.inASharedModule(method.getOwner())
						&& (method.isAnnotatedWith(MODULE_LISTENER) || method.isMetaAnnotatedWith(MODULE_LISTENER)));
	}

	@Override
	public void check(JavaMethod listener, ConditionEvents events) {
		Optional<String> module = Modules.moduleOf(listener.getOwner());
		List<JavaMethodCall> calls = listener.getMethodCallsFromSelf()
			.stream()
			.filter(call -> !call.isDeclaredInLambda())
			.sorted(Comparator.comparingInt(JavaMethodCall::getLineNumber))
			.toList();
		Optional<JavaMethodCall> inbox = calls.stream()
			.filter(call -> call.getName().equals(APPLY_ONCE) && Modules.moduleOf(call.getTargetOwner()).equals(module))
			.findFirst();
		if (inbox.isEmpty()) {
			events.add(SimpleConditionEvent.violated(listener, "Listener %s does not call %s of module %s itself, in %s"
				.formatted(describe(listener), APPLY_ONCE, module.orElse("?"), listener.getSourceCodeLocation())));
			return;
		}
		calls.stream()
			.filter(call -> call != inbox.get() && !Modules.isValue(call.getTargetOwner()))
			.findFirst()
			.ifPresent(other -> events
				.add(SimpleConditionEvent.violated(listener,
						"Listener %s calls %s.%s() in %s %s %s in %s, so a redelivery runs it again".formatted(
								describe(listener), other.getTargetOwner().getName(), other.getName(),
								other.getSourceCodeLocation(), (other.getLineNumber() < inbox.get().getLineNumber())
										? "before" : "outside the work of",
								APPLY_ONCE, inbox.get().getSourceCodeLocation()))));
	}

	private static String describe(JavaMethod method) {
		return "%s.%s(%s)".formatted(method.getOwner().getSimpleName(), method.getName(),
				String.join(", ", method.getRawParameterTypes().stream().map(type -> type.getSimpleName()).toList()));
	}

}
