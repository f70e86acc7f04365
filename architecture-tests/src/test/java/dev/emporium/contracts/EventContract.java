package dev.emporium.contracts;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.modulith.events.Externalized;
import org.springframework.util.ClassUtils;

import dev.emporium.shared.EventVersion;
import dev.emporium.shared.IdentifiedEvent;

/**
 * What an event promises on the broker: its logical type id
 * ({@code <owning module>.<SimpleName>}, the owning module being the record's package),
 * the topic and key its {@link Externalized @Externalized} names, and the version of its
 * JSON ({@link EventVersion @EventVersion}, 1 without).
 */
record EventContract(Class<?> type, String module, String topic, String keyProperty, int version) {

	static final String TOPIC_PREFIX = "emporium.";

	/** {@code emporium.<producing module>::#{#this.<key property>()}}. */
	private static final Pattern ROUTE = Pattern
		.compile(Pattern.quote(TOPIC_PREFIX) + "([a-z]+)::#\\{#this\\.([A-Za-z0-9_]+)\\(\\)\\}");

	/**
	 * The contract of an event record.
	 * @throws IllegalStateException if it does not name its topic and key the way every
	 * event does
	 */
	static EventContract of(Class<?> event) {
		Externalized externalized = event.getAnnotation(Externalized.class);
		String route = externalized == null ? "" : externalized.value();
		Matcher matcher = ROUTE.matcher(route);
		if (!matcher.matches()) {
			throw new IllegalStateException(("%s is an event but is not annotated "
					+ "@Externalized(\"emporium.<producing module>::#{#this.<key property>()}\") (found '%s'): "
					+ "every event names the topic of the module that publishes it and the aggregate ID that keys it")
				.formatted(event.getName(), route));
		}
		EventVersion version = event.getAnnotation(EventVersion.class);
		if (version != null && version.value() < 2) {
			throw new IllegalStateException("%s: @EventVersion(%d) makes no sense; an event without it is at version 1"
				.formatted(event.getName(), version.value()));
		}
		String keyProperty = matcher.group(2);
		if (Stream.of(event.getRecordComponents()).noneMatch(component -> component.getName().equals(keyProperty))) {
			throw new IllegalStateException(
					"%s is keyed by %s(), which is not one of its components".formatted(event.getName(), keyProperty));
		}
		String packageName = event.getPackageName();
		return new EventContract(event, packageName.substring(packageName.lastIndexOf('.') + 1),
				TOPIC_PREFIX + matcher.group(1), keyProperty, version == null ? 1 : version.value());
	}

	/**
	 * The contracts of the application's events: its public records that implement
	 * {@link IdentifiedEvent} (in the main code, not the tests), ordered by type id.
	 */
	static List<EventContract> all() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(IdentifiedEvent.class));
		return scanner.findCandidateComponents("dev.emporium")
			.stream()
			.map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
			.filter(type -> type.isRecord() && Modifier.isPublic(type.getModifiers()) && !isTestCode(type))
			.map(EventContract::of)
			.sorted((a, b) -> a.typeId().compareTo(b.typeId()))
			.toList();
	}

	private static boolean isTestCode(Class<?> type) {
		return type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
	}

	/** How consumers tell events apart: {@code inventory.StockReservationRequested}. */
	String typeId() {
		return module + "." + type.getSimpleName();
	}

	/** The module that publishes the event, which is not always the one owning it. */
	String producer() {
		return topic.substring(TOPIC_PREFIX.length());
	}

	String schemaFile() {
		return schemaFile(typeId(), version);
	}

	static String schemaFile(String typeId, int version) {
		return typeId + ".v" + version + ".json";
	}

	RecordComponent key() {
		return Stream.of(type.getRecordComponents())
			.filter(component -> component.getName().equals(keyProperty))
			.findFirst()
			.orElseThrow();
	}

}
