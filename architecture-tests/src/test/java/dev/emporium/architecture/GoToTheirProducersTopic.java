package dev.emporium.architecture;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Checks that an identified event is {@code @Externalized} to
 * {@code emporium.<producer>::<key>}, where the producer is the one module whose code
 * constructs it (the event's own constructors aside). A request event belongs to the
 * module that acts on it but goes to the topic of the module that asks.
 */
class GoToTheirProducersTopic extends ArchCondition<JavaClass> {

	static final String TOPIC_PREFIX = "emporium.";

	private static final String EXTERNALIZED = "org.springframework.modulith.events.Externalized";

	GoToTheirProducersTopic() {
		super("be @Externalized to the topic of the one module that produces them");
	}

	static DescribedPredicate<JavaClass> areIdentifiedEvents() {
		return DescribedPredicate.describe("are identified events",
				type -> !type.isInterface() && Modules.inAModule(type) && !Modules.inASharedModule(type)
						&& type.getAllRawInterfaces().stream().anyMatch(CarryAnIdentity::isIdentityInterface));
	}

	@Override
	public void check(JavaClass event, ConditionEvents events) {
		Set<String> producers = new TreeSet<>();
		event.getConstructorCallsToSelf()
			.stream()
			.map(call -> call.getOriginOwner())
			.filter(origin -> !isWithin(origin, event))
			.forEach(origin -> Modules.moduleOf(origin).ifPresent(producers::add));
		if (producers.size() != 1) {
			events.add(SimpleConditionEvent.violated(event, producers.isEmpty()
					? "Event %s is constructed by no module, so no module's topic can carry it"
						.formatted(event.getName())
					: "Event %s is constructed by modules %s; one module must produce it, so that one topic carries it"
						.formatted(event.getName(), producers)));
			return;
		}
		String producer = producers.iterator().next();
		String expected = TOPIC_PREFIX + producer;
		Optional<String> target = target(event);
		if (target.isEmpty()) {
			events.add(SimpleConditionEvent.violated(event,
					"Event %s is not @Externalized; module %s produces it, so: ".formatted(event.getName(), producer)
							+ "@Externalized(\"%s::<aggregate id>\")".formatted(expected)));
			return;
		}
		int separator = target.get().indexOf("::");
		String topic = (separator < 0) ? target.get() : target.get().substring(0, separator);
		if (!topic.equals(expected)) {
			events.add(SimpleConditionEvent.violated(event,
					"Event %s is @Externalized to %s, but module %s produces it: %s".formatted(event.getName(), topic,
							producer, expected)));
		}
		if (separator < 0 || target.get().substring(separator + 2).isBlank()) {
			events.add(SimpleConditionEvent.violated(event,
					"Event %s is @Externalized without a key; name its aggregate ID: \"%s::<aggregate id>\""
						.formatted(event.getName(), expected)));
		}
	}

	private static boolean isWithin(JavaClass type, JavaClass outer) {
		Optional<JavaClass> candidate = Optional.of(type);
		while (candidate.isPresent()) {
			if (candidate.get().equals(outer)) {
				return true;
			}
			candidate = candidate.get().getEnclosingClass();
		}
		return false;
	}

	private static Optional<String> target(JavaClass event) {
		return event.tryGetAnnotationOfType(EXTERNALIZED)
			.flatMap(annotation -> annotation.get("value")
				.map(String::valueOf)
				.filter(value -> !value.isEmpty())
				.or(() -> annotation.get("target").map(String::valueOf)));
	}

}
