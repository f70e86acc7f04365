package dev.emporium.architecture;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import dev.emporium.shared.Money;

/**
 * Builds a sample of an event record by reflection, and checks that it survives the JSON
 * round trip of the event publication registry and that its collections cannot change
 * after it was published. Public for the contract tests, which write the same samples.
 */
public final class EventRoundTrip {

	static final String BECAUSE = "events are stored as JSON in the publication registry and redelivered from it, "
			+ "and will cross a broker after extraction";

	/**
	 * Configured like the application's mapper
	 * ({@code spring.jackson.default-property-inclusion: non_null}).
	 */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private EventRoundTrip() {
	}

	static void assertSurvivesJson(Class<?> event) {
		Object sample = sample(event);
		String json = MAPPER.writeValueAsString(sample);
		Object read = MAPPER.readValue(json, event);
		Optional<Object> writtenId = eventId(sample);
		Optional<Object> readId = eventId(read);
		if (writtenId.isPresent() && !writtenId.equals(readId)) {
			throw new AssertionError(("Rule 'events survive a JSON round trip, because %s' was violated: %s "
					+ "wrote eventId %s but read eventId %s; deserialise with the canonical constructor, so that a "
					+ "redelivered event keeps its identity%n  as    %s")
				.formatted(BECAUSE, event.getName(), writtenId.get(), readId.orElse(null), json));
		}
		if (!sample.equals(read)) {
			throw new AssertionError(
					"Rule 'events survive a JSON round trip, because %s' was violated: %s%n  wrote %s%n  "
						.formatted(BECAUSE, event.getName(), sample) + "as    " + json + "\n  read  " + read);
		}
	}

	/**
	 * The value of the event's {@code eventId} component, if it has one.
	 */
	private static Optional<Object> eventId(Object event) {
		return List.of(event.getClass().getRecordComponents())
			.stream()
			.filter(component -> component.getName().equals("eventId"))
			.findFirst()
			.map(component -> value(component, event));
	}

	@SuppressWarnings("unchecked")
	static void assertCollectionsAreUnmodifiable(Class<?> event) {
		RecordComponent[] components = event.getRecordComponents();
		for (int index = 0; index < components.length; index++) {
			RecordComponent component = components[index];
			if (!Collection.class.isAssignableFrom(component.getType())
					&& !Map.class.isAssignableFrom(component.getType())) {
				continue;
			}
			Object[] arguments = arguments(event, nothing -> false);
			Object published = construct(event, arguments);
			Object before = value(component, published);
			String after = String.valueOf(before);
			if (arguments[index] instanceof Collection<?> source) {
				((Collection<Object>) source).clear();
			}
			else if (arguments[index] instanceof Map<?, ?> source) {
				source.clear();
			}
			boolean modifiable = tryToClear(before);
			if (modifiable || !after.equals(String.valueOf(value(component, published)))) {
				throw new AssertionError(("Rule 'events are immutable records, because %s' was violated: %s.%s "
						+ "can change after publication; copy it in the constructor (List.copyOf)")
					.formatted(BECAUSE, event.getName(), component.getName()));
			}
		}
	}

	private static boolean tryToClear(Object collection) {
		try {
			if (collection instanceof Collection<?> values) {
				values.clear();
			}
			else if (collection instanceof Map<?, ?> values) {
				values.clear();
			}
			return true;
		}
		catch (UnsupportedOperationException ex) {
			return false;
		}
	}

	/**
	 * A sample of the record with a value for every component, nested records included.
	 */
	public static Object sample(Class<?> record) {
		return sample(record, nothing -> false);
	}

	/**
	 * A sample of the record whose components that {@code leftOut} selects are
	 * {@code null}, in nested records too.
	 */
	public static Object sample(Class<?> record, Predicate<RecordComponent> leftOut) {
		return construct(record, arguments(record, leftOut));
	}

	private static Object[] arguments(Class<?> record, Predicate<RecordComponent> leftOut) {
		RecordComponent[] components = record.getRecordComponents();
		Object[] arguments = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			arguments[i] = leftOut.test(components[i]) ? null
					: sample(components[i].getGenericType(), components[i].getName(), leftOut);
		}
		return arguments;
	}

	private static Object construct(Class<?> record, Object[] arguments) {
		try {
			Class<?>[] types = List.of(record.getRecordComponents())
				.stream()
				.map(RecordComponent::getType)
				.toArray(Class<?>[]::new);
			var constructor = record.getDeclaredConstructor(types);
			constructor.setAccessible(true);
			return constructor.newInstance(arguments);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot build a sample " + record.getName(), ex);
		}
	}

	private static Object value(RecordComponent component, Object record) {
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object sample(Type type, String name, Predicate<RecordComponent> leftOut) {
		if (type instanceof ParameterizedType parameterized) {
			Type[] arguments = parameterized.getActualTypeArguments();
			Class<?> raw = (Class<?>) parameterized.getRawType();
			if (raw == List.class || raw == Collection.class) {
				return new ArrayList<>(
						List.of(sample(arguments[0], name + "1", leftOut), sample(arguments[0], name + "2", leftOut)));
			}
			if (raw == Set.class) {
				return new LinkedHashSet<>(
						Set.of(sample(arguments[0], name + "1", leftOut), sample(arguments[0], name + "2", leftOut)));
			}
			if (raw == Map.class) {
				return new LinkedHashMap<>(
						Map.of(sample(arguments[0], name, leftOut), sample(arguments[1], name, leftOut)));
			}
			return sample(raw, name, leftOut);
		}
		Class<?> raw = (Class<?>) type;
		if (raw == UUID.class) {
			return UUID.nameUUIDFromBytes(name.getBytes());
		}
		if (raw == String.class) {
			return name + "-sample";
		}
		if (raw == int.class || raw == Integer.class) {
			return 3;
		}
		if (raw == long.class || raw == Long.class) {
			return 7L;
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return true;
		}
		if (raw == BigDecimal.class) {
			return new BigDecimal("12.50");
		}
		if (raw == Money.class) {
			return Money.of("19.99", "EUR");
		}
		if (raw == Instant.class) {
			return Instant.parse("2025-05-01T10:15:30Z");
		}
		if (raw == LocalDate.class) {
			return LocalDate.parse("2025-05-01");
		}
		if (raw.isEnum()) {
			return raw.getEnumConstants()[0];
		}
		if (raw.isRecord()) {
			return sample(raw, leftOut);
		}
		throw new IllegalStateException("No sample value for %s (%s); teach EventRoundTrip.sample(...) about it"
			.formatted(raw.getName(), name));
	}

}
