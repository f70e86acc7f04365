package dev.emporium.contracts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON document against the part of JSON Schema 2020-12 that the event schemas
 * use ({@code $ref}, {@code type}, {@code format}, {@code pattern}, {@code enum},
 * {@code properties}, {@code required}, {@code items}), since no JSON Schema validator is
 * on the classpath. A keyword it does not know is reported rather than ignored, so a
 * schema it cannot judge never passes. It is stricter than a validator in one respect: a
 * property the schema does not declare is reported, because an open schema
 * ({@code additionalProperties} absent) would let it through, and so hide a schema that
 * misses something Jackson writes.
 */
final class SchemaConformance {

	private static final Set<String> KNOWN = Set.of("$schema", "$id", "$defs", "$ref", "$comment", "title",
			"description", "type", "format", "pattern", "enum", "properties", "required", "items");

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private SchemaConformance() {
	}

	/**
	 * Where the document breaks the schema, as {@code $.path: what}; empty if it
	 * conforms.
	 */
	static List<String> violations(JsonNode document, JsonNode schema) {
		List<String> violations = new ArrayList<>();
		check("$", document, schema, schema, violations);
		return violations;
	}

	private static void check(String path, JsonNode value, JsonNode schema, JsonNode root, List<String> violations) {
		JsonNode resolved = SchemaCompatibility.resolve(schema, root);
		for (String keyword : resolved.propertyNames()) {
			if (!KNOWN.contains(keyword) && !keyword.startsWith("x-")) {
				violations.add(path + ": the schema uses '" + keyword + "', which this check does not understand");
			}
		}
		String type = resolved.path("type").asString("");
		if (!hasType(value, type)) {
			violations.add("%s: %s is not of type '%s'".formatted(path, value, type));
			return;
		}
		if (resolved.has("enum") && !contains(resolved.get("enum"), value)) {
			violations.add("%s: %s is none of %s".formatted(path, value, resolved.get("enum")));
		}
		if (resolved.has("format") && !hasFormat(value, resolved.get("format").asString())) {
			violations.add("%s: %s is not a %s".formatted(path, value, resolved.get("format").asString()));
		}
		if (resolved.has("pattern") && value.isString()
				&& !Pattern.compile(resolved.get("pattern").asString()).matcher(value.asString()).find()) {
			violations.add("%s: %s does not match %s".formatted(path, value, resolved.get("pattern").asString()));
		}
		if (value.isObject()) {
			JsonNode properties = resolved.path("properties");
			resolved.path("required").forEach(name -> {
				if (!value.has(name.asString())) {
					violations.add("%s: required property '%s' is missing".formatted(path, name.asString()));
				}
			});
			for (String name : value.propertyNames()) {
				if (properties.has(name)) {
					check(path + "." + name, value.get(name), properties.get(name), root, violations);
				}
				else {
					violations.add("%s: property '%s' is not declared by the schema".formatted(path, name));
				}
			}
		}
		if (value.isArray() && resolved.has("items")) {
			for (int index = 0; index < value.size(); index++) {
				check(path + "[" + index + "]", value.get(index), resolved.get("items"), root, violations);
			}
		}
	}

	private static boolean hasType(JsonNode value, String type) {
		return switch (type) {
			case "" -> true;
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "string" -> value.isString();
			case "integer" -> value.isIntegralNumber();
			case "number" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			case "null" -> value.isNull();
			default -> false;
		};
	}

	private static boolean contains(JsonNode values, JsonNode value) {
		for (JsonNode candidate : values) {
			if (candidate.equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasFormat(JsonNode value, String format) {
		return switch (format) {
			case "uuid" -> value.isString() && UUID.matcher(value.asString()).matches();
			case "date-time" -> value.isString() && parses(() -> OffsetDateTime.parse(value.asString()));
			case "date" -> value.isString() && parses(() -> LocalDate.parse(value.asString()));
			case "int32" -> value.isIntegralNumber() && value.canConvertToInt();
			case "int64" -> value.isIntegralNumber() && value.canConvertToLong();
			case "float", "double" -> value.isNumber();
			default -> false;
		};
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
