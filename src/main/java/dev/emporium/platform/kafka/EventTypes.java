package dev.emporium.platform.kafka;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.Externalized;

import dev.emporium.platform.topology.ModuleIndex;
import dev.emporium.shared.IdentifiedEvent;

/**
 * The events that cross processes, each with the type ID that names it on the wire,
 * {@code <owning module>.<simple name>} rather than a class name, and its topic,
 * {@code emporium.<producing module>} (docs/events.md, "Across processes: Kafka").
 */
final class EventTypes {

	/** What every topic's name starts with: {@code emporium.<producing module>}. */
	static final String TOPIC_PREFIX = "emporium.";

	private final Map<String, EventType> byId;

	private final Map<Class<?>, EventType> byClass;

	private EventTypes(Collection<EventType> types) {
		this.byId = types.stream()
			.sorted(Comparator.comparing(EventType::id))
			.collect(Collectors.toMap(EventType::id, Function.identity(), EventTypes::duplicate, LinkedHashMap::new));
		this.byClass = types.stream().collect(Collectors.toMap(EventType::type, Function.identity()));
	}

	/**
	 * The {@link IdentifiedEvent} types in a module's base package that are
	 * {@link Externalized @Externalized}: where the architecture rules put events, and
	 * not where a test keeps a nested one of its own.
	 */
	static EventTypes of(ModuleIndex index) {
		return of(index.types()
			.stream()
			.filter(type -> IdentifiedEvent.class.isAssignableFrom(type) && type.getEnclosingClass() == null)
			.filter(type -> type.getPackageName().equals(ModuleIndex.ROOT_PACKAGE + "." + module(type)))
			.filter(type -> AnnotatedElementUtils.hasAnnotation(type, Externalized.class))
			.toList());
	}

	static EventTypes of(Collection<Class<?>> types) {
		return new EventTypes(types.stream().map(EventType::of).toList());
	}

	/**
	 * The logical type ID of an event class: its module and simple name.
	 */
	static String typeId(Class<?> type) {
		return module(type) + "." + type.getSimpleName();
	}

	private static String module(Class<?> type) {
		return ModuleIndex.moduleOf(type.getName())
			.orElseThrow(() -> new IllegalArgumentException(type.getName() + " belongs to no module"));
	}

	Collection<EventType> all() {
		return byId.values();
	}

	Optional<EventType> byId(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	Optional<EventType> byClass(Class<?> type) {
		return Optional.ofNullable(byClass.get(type));
	}

	/** Every type ID with its class, as Spring Kafka's type mappers take them. */
	Map<String, Class<?>> classesById() {
		var classes = new LinkedHashMap<String, Class<?>>();
		byId.forEach((id, type) -> classes.put(id, type.type()));
		return classes;
	}

	private static EventType duplicate(EventType one, EventType other) {
		throw new IllegalStateException(
				"Events %s and %s have the same type ID %s".formatted(one.type(), other.type(), one.id()));
	}

	/**
	 * One externalized event type.
	 *
	 * @param type its record class
	 * @param id its logical type ID
	 * @param topic the topic it is sent to, {@code emporium.<producing module>}
	 */
	record EventType(Class<?> type, String id, String topic) {

		static EventType of(Class<?> type) {
			var externalized = AnnotatedElementUtils.findMergedAnnotation(type, Externalized.class);
			if (externalized == null) {
				throw new IllegalArgumentException(type.getName() + " is not @Externalized");
			}
			var target = externalized.target();
			var separator = target.indexOf("::");
			var topic = (separator < 0) ? target : target.substring(0, separator);
			if (!topic.startsWith(TOPIC_PREFIX) || topic.length() == TOPIC_PREFIX.length()) {
				throw new IllegalStateException("%s is @Externalized to '%s', not to %s<producing module>"
					.formatted(type.getName(), topic, TOPIC_PREFIX));
			}
			return new EventType(type, typeId(type), topic);
		}

		/** The module that produces this event, named by its topic. */
		String producer() {
			return topic.substring(TOPIC_PREFIX.length());
		}

	}

}
