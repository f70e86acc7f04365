package dev.emporium.contracts;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the JSON Schema (draft 2020-12) of an event from its record with the victools
 * generator, set up to describe what the application's Jackson mapper writes: the record
 * components in declaration order, nested records as {@code $defs}, UUIDs and instants as
 * formatted strings, a {@code @JsonFormat(shape = STRING)} decimal (money) as a decimal
 * string. Every component is required except a {@code @Nullable} one, which the mapper
 * leaves out when it is null ({@code non_null}). {@code additionalProperties} is left
 * open, so that a consumer accepts properties added later.
 */
final class EventSchemas {

	static final String ID_PREFIX = "https://emporium.dev/events/schemas/";

	static final String VERSION = "x-event-version";

	static final String DECIMAL = "^-?[0-9]+(\\.[0-9]+)?$";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SchemaGenerator generator;

	EventSchemas() {
		var config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
			.with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.PLAIN_DEFINITION_KEYS, Option.STANDARD_FORMATS,
					Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.FLATTENED_ENUMS)
			.without(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.NULLABLE_FIELDS_BY_DEFAULT,
					Option.GETTER_METHODS, Option.NONSTATIC_NONVOID_NONGETTER_METHODS,
					Option.FIELDS_DERIVED_FROM_ARGUMENTFREE_METHODS);
		config.forTypesInGeneral()
			// Jackson writes a record's components in declaration order; so does the
			// schema.
			.withPropertySorter((a, b) -> 0)
			.withDescriptionResolver(scope -> Javadoc.summary(scope.getType().getErasedType()).orElse(null));
		config.forFields()
			.withIgnoreCheck(field -> field.isStatic() || field.getAnnotation(JsonIgnore.class) != null)
			.withRequiredCheck(field -> !isNullable(field))
			.withPropertyNameOverrideResolver(EventSchemas::jsonName)
			.withTargetTypeOverridesResolver(
					field -> isDecimalString(field) ? List.of(field.getContext().resolve(String.class)) : null)
			.withStringPatternResolver(field -> isDecimalString(field) ? DECIMAL : null)
			.withDescriptionResolver(EventSchemas::description);
		this.generator = new SchemaGenerator(config.build());
	}

	/**
	 * The schema of the event's current version, with its {@code $id}, its type id as
	 * {@code title}, its Javadoc summary as {@code description}, and its version.
	 */
	ObjectNode schemaOf(EventContract contract) {
		return schemaOf(contract.type(), contract.typeId(), contract.version());
	}

	ObjectNode schemaOf(Class<?> type, String typeId, int version) {
		JsonNode generated = JSON.readTree(generator.generateSchema(type).toString());
		ObjectNode schema = JSON.createObjectNode();
		schema.set("$schema", generated.get("$schema"));
		schema.put("$id", ID_PREFIX + EventContract.schemaFile(typeId, version));
		schema.put("title", typeId);
		if (generated.has("description")) {
			schema.set("description", generated.get("description"));
		}
		schema.put(VERSION, version);
		generated.properties()
			.stream()
			.filter(entry -> !schema.has(entry.getKey()) && !entry.getKey().equals("$defs"))
			.forEach(entry -> schema.set(entry.getKey(), entry.getValue()));
		if (generated.has("$defs")) {
			schema.set("$defs", generated.get("$defs"));
		}
		return schema;
	}

	String write(JsonNode schema) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
	}

	/**
	 * A component is optional only when it says it may be null; Jackson then leaves it
	 * out.
	 */
	private static boolean isNullable(FieldScope field) {
		Field raw = field.getRawMember();
		return declaresNullable(raw, raw.getAnnotatedType());
	}

	/**
	 * Whether a component, or its type, is annotated {@code @Nullable} (JSpecify's, or
	 * any other of that name).
	 */
	static boolean declaresNullable(AnnotatedElement component, AnnotatedType type) {
		return Stream.of(component, type)
			.flatMap(element -> Stream.of(element.getAnnotations()))
			.anyMatch(annotation -> annotation.annotationType().getSimpleName().equals("Nullable"));
	}

	private static String jsonName(FieldScope field) {
		JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
		return property == null || property.value().isEmpty() ? null : property.value();
	}

	private static boolean isDecimalString(FieldScope field) {
		JsonFormat format = field.getAnnotationConsideringFieldAndGetter(JsonFormat.class);
		return format != null && format.shape() == JsonFormat.Shape.STRING
				&& field.getDeclaredType().isInstanceOf(BigDecimal.class);
	}

	private static String description(FieldScope field) {
		Schema schema = field.getAnnotationConsideringFieldAndGetter(Schema.class);
		return schema == null || schema.description().isEmpty() ? null : schema.description();
	}

}
