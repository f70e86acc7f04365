package dev.emporium.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.mapping.AbstractJavaTypeMapper;
import org.springframework.kafka.support.mapping.DefaultJacksonJavaTypeMapper;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import dev.emporium.shared.IdentifiedEvent;

/**
 * How an event looks on a Kafka topic: its JSON from the application's {@link JsonMapper}
 * and its type ID in the {@value #TYPE_ID_HEADER} header. A record of an unknown type, or
 * on the wrong topic, fails to deserialize and goes to the dead-letter topic.
 */
final class KafkaEventSerialization {

	/** The header that carries the type ID. */
	static final String TYPE_ID_HEADER = AbstractJavaTypeMapper.DEFAULT_CLASSID_FIELD_NAME;

	private final JsonMapper json;

	private final EventTypes types;

	KafkaEventSerialization(JsonMapper json, EventTypes types) {
		this.json = json;
		this.types = types;
	}

	/**
	 * Events as JSON with their type ID; raw bytes as they are (what the dead-letter
	 * recoverer sends for a record that could not be read).
	 */
	Serializer<Object> valueSerializer() {
		var typeIds = new DefaultJacksonJavaTypeMapper();
		typeIds.setIdClassMapping(types.classesById());
		var events = new JacksonJsonSerializer<>(json).typeMapper(typeIds);
		var delegates = new LinkedHashMap<Class<?>, Serializer<?>>();
		delegates.put(byte[].class, new ByteArraySerializer());
		delegates.put(IdentifiedEvent.class, events);
		return new DelegatingByTypeSerializer(delegates, true);
	}

	/**
	 * Events from their JSON and type ID; a failure is kept with the record (Spring
	 * Kafka's {@link ErrorHandlingDeserializer}) for the error handler to deal with.
	 */
	Deserializer<Object> valueDeserializer() {
		return new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>(json).typeResolver(this::typeOf));
	}

	private JavaType typeOf(String topic, byte[] data, Headers headers) {
		var header = headers.lastHeader(TYPE_ID_HEADER);
		if (header == null) {
			throw new IllegalArgumentException("The record has no " + TYPE_ID_HEADER + " header naming its event type");
		}
		var id = new String(header.value(), StandardCharsets.UTF_8);
		var type = types.byId(id)
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown event type '%s'; known types: %s".formatted(id, types.classesById().keySet())));
		if (!type.topic().equals(topic)) {
			throw new IllegalArgumentException(
					"Event type %s belongs on topic %s, not on %s".formatted(id, type.topic(), topic));
		}
		return json.constructType(type.type());
	}

}
