package dev.emporium.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import dev.emporium.orders.OrderPlaced;
import dev.emporium.payments.PaymentRequested;
import dev.emporium.payments.RefundRequested;
import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An extracted payments service ({@code emporium.service=payments}, every other module
 * elsewhere) takes its requests from the orders topic and answers on its own, once per
 * request however often the request arrives, over a real Kafka broker; the topic's other
 * events are skipped.
 */
@SpringBootTest(properties = "emporium.service=payments")
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers",
		brokerProperties = "auto.create.topics.enable=false")
class ExtractedServiceEventsTests {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void chargesOnceForAPaymentRequestedThatArrivesTwiceAndAnswersOnThePaymentsTopic() throws Exception {
		var topics = new Topics(broker);
		var order = UUID.randomUUID();
		var requested = new PaymentRequested(order, UUID.randomUUID(), Money.of("25.00", "EUR"), "tok_visa");
		var record = Topics.record("emporium.orders", order, json.writeValueAsBytes(requested),
				"payments.PaymentRequested");

		topics.send(record, record);

		eventually().untilAsserted(() -> assertThat(topics.read("emporium.payments", order)).extracting(Topics::typeId)
			.containsExactly("payments.PaymentCompleted"));
		eventually().untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT count(*) FROM events.event_publication
				 WHERE listener_id LIKE '%.PaymentListeners.on(dev.emporium.payments.PaymentRequested)'
				   AND serialized_event LIKE :event AND completion_date IS NOT NULL""")
			.param("event", "%" + requested.eventId() + "%")
			.query(Integer.class)
			.single()).as("both arrivals reached the payments listener").isEqualTo(2));
		assertThat(jdbc.sql("SELECT count(*) FROM payments.inbox WHERE event_id = :id")
			.param("id", requested.eventId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		var completed = json.readTree(topics.read("emporium.payments", order).get(0).value());
		assertThat(completed.get("orderId").asString()).isEqualTo(order.toString());
		assertThat(completed.get("amount").get("amount").asString()).isEqualTo("25.00");
		assertThat(topics.read("emporium.orders", order)).as("the request is not sent back").hasSize(2);
	}

	@Test
	void republishesOnlyTheEventsThatPaymentsListensTo(@Autowired ConfigurableListableBeanFactory beans) {
		var listeners = new LocalListeners(beans);

		var order = UUID.randomUUID();
		var customer = UUID.randomUUID();
		var total = Money.of("25.00", "EUR");

		assertThat(listeners.listenTo(new PaymentRequested(order, customer, total, "tok_visa"))).isTrue();
		assertThat(listeners.listenTo(new RefundRequested(order))).isTrue();
		assertThat(listeners.listenTo(new OrderPlaced(order, customer, List.of(), total)))
			.as("on the orders topic, for other modules, and not sent back by the externalizer")
			.isFalse();
	}

	private static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200));
	}

}
