package dev.emporium.endtoend;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The broker the extraction matrix runs on is a working Kafka: a record produced to it
 * can be consumed from it, and it is gone once closed.
 */
class KafkaBrokerTests {

	@Test
	void carriesARecordFromProducerToConsumerAndStopsOnClose() throws Exception {
		var broker = KafkaBroker.start();
		var port = broker.port();
		try {
			var topic = "emporium.test-" + UUID.randomUUID();
			try (var producer = new KafkaProducer<String, String>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
					new StringSerializer())) {
				producer.send(new ProducerRecord<>(topic, "order-1", "{\"status\":\"PLACED\"}")).get();
			}

			try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
					broker.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "broker-test",
					ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
					new StringDeserializer())) {
				consumer.subscribe(List.of(topic));
				var record = await("the record").atMost(Duration.ofSeconds(30))
					.until(() -> consumer.poll(Duration.ofMillis(500)), records -> !records.isEmpty())
					.iterator()
					.next();
				assertThat(record.key()).isEqualTo("order-1");
				assertThat(record.value()).isEqualTo("{\"status\":\"PLACED\"}");
			}
		}
		finally {
			broker.close();
		}

		assertThatExceptionOfType(ConnectException.class).as("nothing listens once the broker is closed")
			.isThrownBy(() -> {
				try (var socket = new Socket()) {
					socket.connect(new InetSocketAddress("localhost", port), 2_000);
				}
			});
	}

}
