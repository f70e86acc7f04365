package dev.emporium.contracts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Decides whether an event's current schema can take the place of the committed schema of
 * the same version. Within a version, every event ever published must stay readable by
 * every consumer: old events still wait in the outbox or on the topic for new consumers,
 * and new events reach consumers built against the committed schema. So a property may
 * not be removed (a rename is a removal plus an addition), change its type, format or any
 * other validation keyword, become required or stop being required, and a new property
 * may not be required; a new optional property is fine. Nested objects ({@code $ref} to
 * {@code $defs}) and array items are compared property by property, by their structure
 * rather than by their definitions' names.
 */
final class SchemaCompatibility {

	/** Keywords that describe a schema without constraining the JSON it accepts. */
	private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "$defs", "title", "description",
			"examples", "default", "deprecated", "readOnly", "writeOnly");

	/** Keywords compared on their own, property by property. */
	private static final Set<String> STRUCTURE = Set.of("$ref", "properties", "required", "items");

	private SchemaCompatibility() {
	}

	/** Why the current schema cannot replace the committed one; empty if it can. */
	static List<Incompatibility> between(JsonNode committed, JsonNode current) {
		List<Incompatibility> found = new ArrayList<>();
		compare("", committed, committed, current, current, new HashSet<>(), found);
		return found;
	}

	private static void compare(String path, JsonNode committed, JsonNode committedRoot, JsonNode current,
			JsonNode currentRoot, Set<String> enclosing, List<Incompatibility> found) {
		String definitions = committed.path("$ref").asString("") + "|" + current.path("$ref").asString("");
		// A recursive structure: the pair of definitions is being compared further up.
		if (!definitions.equals("|") && !enclosing.add(definitions)) {
			return;
		}
		try {
			compareResolved(path, resolve(committed, committedRoot), committedRoot, resolve(current, currentRoot),
					currentRoot, enclosing, found);
		}
		finally {
			enclosing.remove(definitions);
		}
	}

	private static void compareResolved(String path, JsonNode before, JsonNode committedRoot, JsonNode after,
			JsonNode currentRoot, Set<String> enclosing, List<Incompatibility> found) {
		List<String> changed = new ArrayList<>();
		for (String keyword : keywords(before, after)) {
			if (!before.path(keyword).equals(after.path(keyword))) {
				changed.add("%s %s -> %s".formatted(keyword, shown(before.get(keyword)), shown(after.get(keyword))));
			}
		}
		if (!changed.isEmpty()) {
			found.add(new Incompatibility(path, Kind.RETYPED, String.join(", ", changed)));
			return;
		}
		JsonNode beforeProperties = before.path("properties");
		JsonNode afterProperties = after.path("properties");
		Set<String> beforeRequired = names(before.path("required"));
		Set<String> afterRequired = names(after.path("required"));
		Set<String> added = new TreeSet<>(afterProperties.propertyNames());
		added.removeAll(beforeProperties.propertyNames());
		for (String name : beforeProperties.propertyNames()) {
			String property = path.isEmpty() ? name : path + "." + name;
			if (!afterProperties.has(name)) {
				found.add(new Incompatibility(property, Kind.REMOVED,
						added.isEmpty() ? "" : "new next to it: " + String.join(", ", added)));
				continue;
			}
			if (!beforeRequired.contains(name) && afterRequired.contains(name)) {
				found.add(new Incompatibility(property, Kind.NEWLY_REQUIRED, ""));
			}
			else if (beforeRequired.contains(name) && !afterRequired.contains(name)) {
				found.add(new Incompatibility(property, Kind.NO_LONGER_REQUIRED, ""));
			}
			compare(property, beforeProperties.get(name), committedRoot, afterProperties.get(name), currentRoot,
					enclosing, found);
		}
		for (String name : added) {
			if (afterRequired.contains(name)) {
				found.add(new Incompatibility(path.isEmpty() ? name : path + "." + name, Kind.ADDED_REQUIRED, ""));
			}
		}
		if (before.has("items") || after.has("items")) {
			compare(path + "[]", before.path("items"), committedRoot, after.path("items"), currentRoot, enclosing,
					found);
		}
	}

	/** Every keyword but annotations and what is compared by property. */
	private static Set<String> keywords(JsonNode before, JsonNode after) {
		Set<String> keywords = new LinkedHashSet<>(before.propertyNames());
		keywords.addAll(after.propertyNames());
		keywords.removeIf(
				keyword -> ANNOTATIONS.contains(keyword) || STRUCTURE.contains(keyword) || keyword.startsWith("x-"));
		return keywords;
	}

	/** The definition a {@code $ref} points to, or the schema itself. */
	static JsonNode resolve(JsonNode schema, JsonNode root) {
		JsonNode resolved = schema;
		while (resolved.has("$ref")) {
			String reference = resolved.get("$ref").asString();
			if (!reference.startsWith("#/")) {
				throw new IllegalArgumentException("Only local references are supported, not " + reference);
			}
			JsonNode target = root.at(reference.substring(1));
			if (target.isMissingNode()) {
				throw new IllegalArgumentException(reference + " points to nothing");
			}
			resolved = target;
		}
		return resolved;
	}

	private static Set<String> names(JsonNode array) {
		Set<String> names = new HashSet<>();
		array.forEach(name -> names.add(name.asString()));
		return names;
	}

	private static String shown(JsonNode value) {
		return value == null ? "(none)" : value.toString();
	}

	/** The kinds of change that break a consumer. */
	enum Kind {

		REMOVED("was removed or renamed"), RETYPED("changed its type"),
		NEWLY_REQUIRED("was optional and is now required"), NO_LONGER_REQUIRED("was required and is now optional"),
		ADDED_REQUIRED("is new and required; events published before it lack it");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

	}

	/**
	 * One change that breaks a consumer: {@code property} is a path such as
	 * {@code lines[].unitPrice.amount} ({@code ""} for the event itself).
	 */
	record Incompatibility(String property, Kind kind, String detail) {

		String describe() {
			return "property '%s' %s%s".formatted(property.isEmpty() ? "(the event)" : property, kind.description,
					detail.isEmpty() ? "" : " (" + detail + ")");
		}

	}

}
