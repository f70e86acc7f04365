package dev.emporium.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.mapping.AbstractJavaTypeMapper;
import org.springframework.util.StringUtils;

/**
 * The AsyncAPI 3.0 document of the events on the broker: one channel per topic
 * ({@code emporium.<producing module>}), one message per event named by its type id with
 * its committed JSON Schema as payload, its Kafka key and type header, and one send
 * operation per producing module. Built from the same {@link EventContract}s as the
 * schemas, so the two cannot disagree.
 */
final class AsyncApiDocument {

	/**
	 * The header that carries the type id: Spring Kafka's type header, mapped to type ids
	 * instead of Java class names.
	 */
	static final String TYPE_HEADER = AbstractJavaTypeMapper.DEFAULT_CLASSID_FIELD_NAME;

	static final String SCHEMAS = "schemas/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AsyncApiDocument() {
	}

	/**
	 * The document as nested maps and lists, in the order it is written.
	 * @param schemas the current schema of each event, for the key's type
	 */
	static Map<String, Object> of(List<EventContract> events, Function<EventContract, JsonNode> schemas,
			String version) {
		Map<String, List<EventContract>> byTopic = new TreeMap<>();
		events.forEach(event -> byTopic.computeIfAbsent(event.topic(), topic -> new ArrayList<>()).add(event));

		Map<String, Object> channels = new LinkedHashMap<>();
		Map<String, Object> operations = new LinkedHashMap<>();
		Map<String, Object> messages = new LinkedHashMap<>();
		byTopic.forEach((topic, published) -> {
			String producer = published.get(0).producer();
			Map<String, Object> channelMessages = new LinkedHashMap<>();
			published.forEach(event -> {
				channelMessages.put(event.typeId(), ref("#/components/messages/" + event.typeId()));
				messages.put(event.typeId(), message(event, schemas.apply(event)));
			});
			channels.put(topic, map("address", topic, "title", StringUtils.capitalize(producer) + " events",
					"description",
					("What the %s module publishes, from its outbox after each commit. Keyed by aggregate ID, so the "
							+ "events of one aggregate stay in order on one partition.")
						.formatted(producer),
					"messages", channelMessages));
			operations.put("send" + StringUtils.capitalize(producer) + "Events",
					map("action", "send", "channel", ref("#/channels/" + topic), "title",
							StringUtils.capitalize(producer) + " publishes its events", "description",
							("The %s module sends each event once the transaction that caused it has committed, "
									+ "from its outbox (the event publication registry), at least once: consumers "
									+ "apply it once by its eventId.")
								.formatted(producer),
							"messages",
							published.stream()
								.map(event -> ref("#/channels/" + topic + "/messages/" + event.typeId()))
								.toList()));
		});

		return map("asyncapi", "3.0.0", "info", map("title", "Emporium events", "version", version, "description", """
				The events Emporium's modules exchange through Kafka once a module runs as a service of its own \
				(docs/extraction.md). Each is the JSON of a Java record, as the application's Jackson mapper \
				writes it, described by the JSON Schema of its version in schemas/. Generated from the records \
				by EventContractTests; see docs/events.md, section Contracts."""), "defaultContentType",
				"application/json", "servers",
				map("kafka", map("host", "localhost:9092", "protocol", "kafka", "description",
						"The broker the monolith and extracted services use unless spring.kafka.bootstrap-servers "
								+ "names another")),
				"channels", channels, "operations", operations, "components", map("messages", messages));
	}

	private static Map<String, Object> message(EventContract event, JsonNode schema) {
		JsonNode key = schema.path("properties").path(event.keyProperty());
		Map<String, Object> keySchema = map("type", key.path("type").asString());
		if (key.has("format")) {
			keySchema.put("format", key.get("format").asString());
		}
		keySchema.put("description",
				("The event's %s: every event with the same %s goes to the same partition, in the order it was "
						+ "published.")
					.formatted(event.keyProperty(), event.keyProperty()));
		Map<String, Object> message = map("name", event.typeId(), "title",
				event.type().getSimpleName() + " v" + event.version());
		if (schema.has("description")) {
			message.put("summary", schema.get("description").asString());
		}
		message.putAll(map("contentType", "application/json", "headers",
				map("type", "object", "required", List.of(TYPE_HEADER), "properties",
						map(TYPE_HEADER, map("type", "string", "const", event.typeId(), "description",
								"The event's type id, <owning module>.<record name>: consumers choose the record "
										+ "to read by it, never by a Java class name."))),
				"payload", ref(SCHEMAS + event.schemaFile()), "bindings",
				map("kafka", map("key", keySchema, "bindingVersion", "0.5.0"))));
		return message;
	}

	static String yaml(Map<String, Object> document) {
		var options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(120);
		return "# Generated by EventContractTests from the event records: do not edit, regenerate "
				+ "(docs/events.md, section Contracts).\n" + new Yaml(options).dump(document);
	}

	/**
	 * The references of a document that lead nowhere: a pointer into the document, or a
	 * file in {@code folder} (the document's) with an optional pointer into it.
	 */
	static List<String> unresolvedReferences(Map<String, Object> document, Path folder) {
		return references(document).stream().filter(reference -> !resolves(document, reference, folder)).toList();
	}

	static List<String> references(Object node) {
		List<String> references = new ArrayList<>();
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if ("$ref".equals(key) && value instanceof String reference) {
					references.add(reference);
				}
				else {
					references.addAll(references(value));
				}
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach(item -> references.addAll(references(item)));
		}
		return references;
	}

	private static boolean resolves(Map<String, Object> document, String reference, Path folder) {
		int hash = reference.indexOf('#');
		String file = (hash < 0) ? reference : reference.substring(0, hash);
		String pointer = (hash < 0) ? "" : reference.substring(hash + 1);
		if (file.isEmpty()) {
			Object target = document;
			for (String segment : pointer.substring(1).split("/")) {
				String name = segment.replace("~1", "/").replace("~0", "~");
				if (!(target instanceof Map<?, ?> map) || !map.containsKey(name)) {
					return false;
				}
				target = map.get(name);
			}
			return true;
		}
		Path target = folder.resolve(file).normalize();
		if (!target.startsWith(folder.normalize()) || !Files.isRegularFile(target)) {
			return false;
		}
		try {
			return pointer.isEmpty() || !JSON.readTree(Files.readString(target)).at(pointer).isMissingNode();
		}
		catch (IOException | JacksonException ex) {
			return false;
		}
	}

	private static Map<String, Object> ref(String target) {
		return map("$ref", target);
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int index = 0; index < keysAndValues.length; index += 2) {
			map.put((String) keysAndValues[index], keysAndValues[index + 1]);
		}
		return map;
	}

}
