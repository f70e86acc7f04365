package dev.emporium.architecture;

import java.lang.reflect.RecordComponent;
import java.util.UUID;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Checks that an event carries the identity listeners' inboxes are keyed by: it
 * implements the identity interface of a shared module (an interface declaring
 * {@code UUID eventId()}), and, being a record, has {@code UUID eventId} as its first
 * component, so the identity is stored with the event and comes back on redelivery.
 */
class CarryAnIdentity extends ArchCondition<JavaClass> {

	CarryAnIdentity() {
		super("carry an identity");
	}

	@Override
	public void check(JavaClass event, ConditionEvents events) {
		if (event.getAllRawInterfaces().stream().noneMatch(CarryAnIdentity::isIdentityInterface)) {
			events.add(SimpleConditionEvent.violated(event,
					"Event %s does not implement the event identity interface of a shared module (one declaring UUID eventId())"
						.formatted(event.getName())));
		}
		if (event.isRecord()) {
			RecordComponent[] components = event.reflect().getRecordComponents();
			if (components.length == 0 || !components[0].getName().equals("eventId")
					|| components[0].getType() != UUID.class) {
				events.add(SimpleConditionEvent.violated(event,
						"Event %s: its first component is not UUID eventId".formatted(event.getName())));
			}
		}
	}

	static boolean isIdentityInterface(JavaClass type) {
		return type.isInterface() && Modules.inASharedModule(type)
				&& type.getMethods()
					.stream()
					.anyMatch(method -> method.getName().equals("eventId") && method.getRawParameterTypes().isEmpty()
							&& method.getRawReturnType().isEquivalentTo(UUID.class));
	}

}
