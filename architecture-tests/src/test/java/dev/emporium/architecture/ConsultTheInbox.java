package dev.emporium.architecture;

import java.util.Comparator;
import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Checks that a module listener records the event in its module's inbox before it does
 * anything else: its own body calls a method named {@code markApplied} of a type of its
 * own module, and no call of the body sits on an earlier line (the calls on that line
 * compute its arguments; reading the event, a value, may come first).
 */
class ConsultTheInbox extends ArchCondition<JavaMethod> {

	static final String MARK_APPLIED = "markApplied";

	private static final String MODULE_LISTENER = "org.springframework.modulith.events.ApplicationModuleListener";

	ConsultTheInbox() {
		super("call markApplied of their own module first");
	}

	static DescribedPredicate<JavaMethod> areModuleListeners() {
		return DescribedPredicate.describe("are module listeners",
				method -> Modules.inAModule(method.getOwner()) && !Modules.inASharedModule(method.getOwner())
						&& (method.isAnnotatedWith(MODULE_LISTENER) || method.isMetaAnnotatedWith(MODULE_LISTENER)));
	}

	@Override
	public void check(JavaMethod listener, ConditionEvents events) {
		Optional<String> module = Modules.moduleOf(listener.getOwner());
		Optional<JavaMethodCall> inbox = listener.getMethodCallsFromSelf()
			.stream()
			.filter(call -> call.getName().equals(MARK_APPLIED)
					&& Modules.moduleOf(call.getTargetOwner()).equals(module))
			.min(Comparator.comparingInt(JavaMethodCall::getLineNumber));
		if (inbox.isEmpty()) {
			events.add(SimpleConditionEvent.violated(listener, "Listener %s does not call %s of module %s itself, in %s"
				.formatted(describe(listener), MARK_APPLIED, module.orElse("?"), listener.getSourceCodeLocation())));
			return;
		}
		listener.getMethodCallsFromSelf()
			.stream()
			.filter(call -> call.getLineNumber() < inbox.get().getLineNumber()
					&& !Modules.isValue(call.getTargetOwner()))
			.min(Comparator.comparingInt(JavaMethodCall::getLineNumber))
			.ifPresent(early -> events.add(SimpleConditionEvent.violated(listener,
					"Listener %s calls %s.%s() in %s before %s in %s".formatted(describe(listener),
							early.getTargetOwner().getName(), early.getName(), early.getSourceCodeLocation(),
							MARK_APPLIED, inbox.get().getSourceCodeLocation()))));
	}

	private static String describe(JavaMethod method) {
		return "%s.%s(%s)".formatted(method.getOwner().getSimpleName(), method.getName(),
				String.join(", ", method.getRawParameterTypes().stream().map(type -> type.getSimpleName()).toList()));
	}

}
