package dev.emporium.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Writes and reads a test broker's topics the way a client outside Emporium would: plain
 * Kafka clients, string keys, raw bytes, headers as they are.
 */
record Topics(EmbeddedKafkaBroker broker) {

	static ProducerRecord<String, byte[]> record(String topic, Object key, byte[] value, String typeId) {
		var record = new ProducerRecord<String, byte[]>(topic, key.toString(), value);
		if (typeId != null) {
			record.headers().add(KafkaEventSerialization.TYPE_ID_HEADER, typeId.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	/**
	 * Sends the records in order and waits until the broker has each.
	 */
	@SafeVarargs
	final void send(ProducerRecord<String, byte[]>... records) throws Exception {
		try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
				new ByteArraySerializer())) {
			for (var record : records) {
				producer.send(record).get(10, TimeUnit.SECONDS);
			}
		}
	}

	/**
	 * The records a topic holds now with the given key, oldest first per partition.
	 */
	List<ConsumerRecord<String, byte[]>> read(String topic, Object key) {
		var properties = KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false);
		try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
			var partitions = consumer.partitionsFor(topic)
				.stream()
				.map(partition -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			var end = consumer.endOffsets(partitions);
			var records = new ArrayList<ConsumerRecord<String, byte[]>>();
			while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(Duration.ofMillis(100)).forEach(records::add);
			}
			return records.stream().filter(record -> key.toString().equals(record.key())).toList();
		}
	}

	static String typeId(ConsumerRecord<String, byte[]> record) {
		return header(record, KafkaEventSerialization.TYPE_ID_HEADER);
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
