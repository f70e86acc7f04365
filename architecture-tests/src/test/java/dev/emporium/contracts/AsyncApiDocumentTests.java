package dev.emporium.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import fixtures.emporium.contracts.ParcelWeighed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document of a fixture event: what its message says, and that a reference
 * leading nowhere is caught.
 */
class AsyncApiDocumentTests {

	static final EventSchemas generator = new EventSchemas();

	static final EventContract event = EventContract.of(ParcelWeighed.class);

	@TempDir
	Path folder;

	@Test
	void describesTheTopicKeyHeaderAndPayloadOfAnEvent() {
		Map<String, Object> document = new Yaml()
			.load(AsyncApiDocument.yaml(AsyncApiDocument.of(List.of(event), generator::schemaOf, "1.2.3")));

		assertThat(document).containsEntry("asyncapi", "3.0.0");
		assertThat(at(document, "info", "version")).isEqualTo("1.2.3");
		assertThat(at(document, "channels", "emporium.shipping", "address")).isEqualTo("emporium.shipping");
		assertThat(at(document, "operations", "sendShippingEvents", "action")).isEqualTo("send");
		Object message = at(document, "components", "messages", "contracts.ParcelWeighed");
		assertThat(at(message, "name")).isEqualTo("contracts.ParcelWeighed");
		assertThat(at(message, "payload", "$ref")).isEqualTo("schemas/contracts.ParcelWeighed.v2.json");
		assertThat(at(message, "headers", "properties", "__TypeId__", "const")).isEqualTo("contracts.ParcelWeighed");
		assertThat(at(message, "bindings", "kafka", "key", "type")).isEqualTo("string");
		assertThat(at(message, "bindings", "kafka", "key", "format")).isEqualTo("uuid");
		assertThat((String) at(message, "bindings", "kafka", "key", "description")).startsWith("The event's parcelId");
	}

	@Test
	void findsReferencesThatLeadNowhere() throws IOException {
		Map<String, Object> document = new Yaml()
			.load(AsyncApiDocument.yaml(AsyncApiDocument.of(List.of(event), generator::schemaOf, "1")));
		Files.createDirectories(folder.resolve("schemas"));
		Path schema = Files.writeString(folder.resolve("schemas/contracts.ParcelWeighed.v2.json"),
				generator.write(generator.schemaOf(event)));
		assertThat(AsyncApiDocument.unresolvedReferences(document, folder)).isEmpty();

		Files.delete(schema);
		assertThat(AsyncApiDocument.unresolvedReferences(document, folder))
			.containsExactly("schemas/contracts.ParcelWeighed.v2.json");

		Map<String, Object> broken = Map.of("channel", Map.of("$ref", "#/channels/emporium.nowhere"), "payload",
				Map.of("$ref", "../outside.json"));
		assertThat(AsyncApiDocument.unresolvedReferences(broken, folder))
			.containsExactlyInAnyOrder("#/channels/emporium.nowhere", "../outside.json");
	}

	@SuppressWarnings("unchecked")
	private static Object at(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			assertThat(current).as("the parent of %s", key).isInstanceOf(Map.class);
			current = ((Map<String, Object>) current).get(key);
		}
		return current;
	}

}
