package dev.emporium.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import dev.emporium.customers.CustomerRegistered;
import dev.emporium.orders.OrderCancelled;
import dev.emporium.orders.OrderConfirmed;
import dev.emporium.payments.PaymentCompleted;
import dev.emporium.payments.PaymentDeclined;
import dev.emporium.shared.Money;
import dev.emporium.shipping.ShipmentRequested;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Events cross the process boundary over a real Kafka broker (KRaft, in this JVM) while
 * payments runs elsewhere and every other module here: what this process produces goes to
 * its producer's topic with its type ID and aggregate key, what payments' topic carries
 * reaches the local listeners once however often it arrives and is never sent back, a
 * record that cannot be read goes to the dead-letter topic without holding up the next,
 * and a send that fails is shown to staff and retried by the platform's recovery.
 */
@SpringBootTest(
		properties = { "emporium.modules.payments.mode=remote", "emporium.modules.payments.url=http://localhost:9",
				"emporium.demo.enabled=true", "spring.kafka.producer.properties.max.block.ms=2000",
				// A producer that still knows the deleted topic retries the send until
				// the delivery timeout
				// (30 s in application.yml); fail within the test's patience instead.
				"spring.kafka.producer.properties.delivery.timeout.ms=6000",
				"spring.kafka.producer.properties.request.timeout.ms=2000", "emporium.events.check-interval=200ms",
				"emporium.events.retry.initial-backoff=2s", "emporium.events.retry.multiplier=1",
				"emporium.events.retry.max-attempts=20" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers",
		brokerProperties = "auto.create.topics.enable=false")
@AutoConfigureMockMvc
class KafkaEventsTests {

	static final String ORDERS = "emporium.orders";

	static final String PAYMENTS = "emporium.payments";

	static final String CUSTOMERS = "emporium.customers";

	static final String EXTERNALIZER = DelegatingEventExternalizer.class.getName() + ".%";

	@Autowired
	EmbeddedKafkaBroker broker;

	Topics topics;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void topics() {
		topics = new Topics(broker);
	}

	@Test
	void sendsTheEventsProducedHereToTheirProducersTopicWithTheirTypeIdAndAggregateKey() throws Exception {
		var order = placeOrder();

		eventually().untilAsserted(() -> assertThat(topics.read(ORDERS, order)).extracting(Topics::typeId)
			.contains("orders.OrderPlaced", "inventory.StockReservationRequested", "payments.PaymentRequested"));
		eventually().untilAsserted(() -> assertThat(topics.read("emporium.inventory", order)).extracting(Topics::typeId)
			.containsExactly("inventory.StockReserved"));

		var requested = topics.read(ORDERS, order)
			.stream()
			.filter(record -> Topics.typeId(record).equals("payments.PaymentRequested"))
			.findFirst()
			.map(record -> json.readTree(record.value()))
			.orElseThrow();
		assertThat(requested.get("orderId").asString()).isEqualTo(order.toString());
		assertThat(requested.get("paymentToken").asString()).isEqualTo("tok_visa");
		assertThat(requested.get("eventId").asString()).hasSize(36);
		assertThat(topics.read(PAYMENTS, order)).as("nothing goes to the remote module's topic").isEmpty();
	}

	@Test
	void republishesAnEventOfARemoteModuleToTheLocalListenersAndAppliesItOnceWhenItArrivesTwice() throws Exception {
		var order = placeOrder();
		eventually().untilAsserted(() -> assertThat(orderStatus(order)).isEqualTo("RESERVED"));
		var completed = new PaymentCompleted(order, UUID.randomUUID(), Money.of("12.50", "EUR"));
		var record = Topics.record(PAYMENTS, order.toString(), json.writeValueAsBytes(completed),
				"payments.PaymentCompleted");

		topics.send(record, record);

		eventually().untilAsserted(() -> assertThat(orderStatus(order)).isEqualTo("PAID"));
		eventually().untilAsserted(
				() -> assertThat(completedPublications("%.CheckoutListeners.on(dev.emporium.payments.PaymentCompleted)",
						completed.eventId().toString()))
					.as("both deliveries reached the orders listener")
					.isEqualTo(2));
		assertThat(inboxRows(completed.eventId())).isEqualTo(1);
		assertThat(publications(EXTERNALIZER, ShipmentRequested.class, order.toString()))
			.as("the follow-up is published once")
			.isEqualTo(1);
		assertThat(publications(EXTERNALIZER, OrderConfirmed.class, order.toString())).isEqualTo(1);
		eventually().untilAsserted(() -> assertThat(topics.read(ORDERS, order)).extracting(Topics::typeId)
			.contains("shipping.ShipmentRequested", "orders.OrderConfirmed"));
		assertThat(topics.read(ORDERS, order)).extracting(Topics::typeId)
			.containsOnlyOnce("shipping.ShipmentRequested", "orders.OrderConfirmed");
		assertThat(publications(EXTERNALIZER, PaymentCompleted.class, completed.eventId().toString()))
			.as("an event that came from Kafka is not sent back")
			.isZero();
		assertThat(topics.read(PAYMENTS, order)).as("payments' topic holds the two records sent to it, nothing more")
			.hasSize(2);
	}

	@Test
	void sendsRecordsThatCannotBeReadToTheDeadLetterTopicAndGoesOnWithTheNext() throws Exception {
		var key = "dead-letters-" + UUID.randomUUID();
		var declined = new PaymentDeclined(UUID.randomUUID(), "card_declined");
		var unparsable = Topics.record(PAYMENTS, key, "{\"eventId\": ".getBytes(StandardCharsets.UTF_8),
				"payments.PaymentCompleted");
		var unknown = Topics.record(PAYMENTS, key, json.writeValueAsBytes(declined), "payments.PaymentWaived");
		var misrouted = Topics.record(PAYMENTS, key,
				json.writeValueAsBytes(new OrderCancelled(UUID.randomUUID(), UUID.randomUUID(), "CUSTOMER_REQUEST")),
				"orders.OrderCancelled");
		var untyped = Topics.record(PAYMENTS, key, json.writeValueAsBytes(declined), null);
		var valid = Topics.record(PAYMENTS, key, json.writeValueAsBytes(declined), "payments.PaymentDeclined");

		topics.send(unparsable, unknown, misrouted, untyped, valid);

		eventually().untilAsserted(() -> assertThat(inboxRows(declined.eventId())).isEqualTo(1));
		eventually().untilAsserted(() -> assertThat(topics.read(PAYMENTS + ".dlt", key)).hasSize(4));
		var dead = topics.read(PAYMENTS + ".dlt", key);
		assertThat(dead).extracting(ConsumerRecord::value)
			.containsExactly(unparsable.value(), unknown.value(), misrouted.value(), untyped.value());
		assertThat(dead).extracting(letter -> Topics.header(letter, "kafka_dlt-original-topic")).containsOnly(PAYMENTS);
		assertThat(dead).extracting(letter -> Topics.header(letter, "kafka_dlt-original-consumer-group"))
			.containsOnly("emporium-monolith");
		assertThat(dead).extracting(letter -> Topics.header(letter, "kafka_dlt-original-offset"))
			.doesNotHaveDuplicates();
		assertThat(Topics.header(dead.get(0), "kafka_dlt-exception-stacktrace")).contains("Unexpected end-of-input");
		assertThat(Topics.header(dead.get(1), "kafka_dlt-exception-stacktrace"))
			.contains("Unknown event type 'payments.PaymentWaived'");
		assertThat(Topics.header(dead.get(2), "kafka_dlt-exception-stacktrace"))
			.contains("Event type orders.OrderCancelled belongs on topic emporium.orders, not on emporium.payments");
		assertThat(Topics.header(dead.get(3), "kafka_dlt-exception-stacktrace")).contains("has no __TypeId__ header");
	}

	@Test
	void showsAFailedSendAsKafkaToStaffAndTheRecoverySendsItOnceTheTopicIsBack() throws Exception {
		try (var admin = AdminClient
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
			admin.deleteTopics(List.of(CUSTOMERS)).all().get(10, TimeUnit.SECONDS);
			eventually().until(() -> !admin.listTopics().names().get().contains(CUSTOMERS));

			var customer = register();

			eventually().untilAsserted(
					() -> mvc.perform(get("/api/v1/admin/events/failed").param("module", "kafka").with(staff()))
						.andExpect(status().isOk())
						.andExpect(jsonPath("$[?(@.eventType == '%s')].module", CustomerRegistered.class.getName())
							.value(hasItem("kafka")))
						.andExpect(jsonPath("$[?(@.eventType == '%s')].listener", CustomerRegistered.class.getName())
							.value(hasItem(containsString("DelegatingEventExternalizer.externalize"))))
						.andExpect(jsonPath("$[?(@.eventType == '%s')].lastError", CustomerRegistered.class.getName())
							.value(hasItem(containsString(CUSTOMERS)))));
			// The recovery keeps retrying the send meanwhile, so its state moves between
			// FAILED, RESUBMITTED and
			// PROCESSING: what matters is that the summary counts it under kafka,
			// unfinished.
			mvc.perform(get("/api/v1/admin/events/summary").with(staff()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.module == 'kafka' && @.status != 'COMPLETED')].eventType")
					.value(hasItem(CustomerRegistered.class.getName())));

			admin.createTopics(List.of(new NewTopic(CUSTOMERS, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);

			eventually().untilAsserted(() -> assertThat(topics.read(CUSTOMERS, customer)).extracting(Topics::typeId)
				.containsExactly("customers.CustomerRegistered"));
			eventually()
				.untilAsserted(() -> assertThat(completedPublications(EXTERNALIZER, customer.toString())).isEqualTo(1));
		}
	}

	private UUID placeOrder() throws Exception {
		var response = mvc
			.perform(post("/api/v1/orders").with(customer(UUID.randomUUID()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"lines": [{"sku": "MUG-001", "quantity": 1}],
						 "shippingAddress": {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London",
						                     "postalCode": "SW1Y 4JH", "country": "GB"},
						 "paymentToken": "tok_visa"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(response).get("id").asString());
	}

	private UUID register() throws Exception {
		var response = mvc
			.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"email": "ada-%s@example.com", "password": "correct-horse-battery", "name": "Ada Lovelace"}"""
					.formatted(UUID.randomUUID())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(response).get("id").asString());
	}

	private String orderStatus(UUID order) {
		return jdbc.sql("SELECT status FROM orders.orders WHERE id = :id")
			.param("id", order)
			.query(String.class)
			.single();
	}

	private int inboxRows(UUID eventId) {
		return jdbc.sql("SELECT count(*) FROM orders.inbox WHERE event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single();
	}

	private int publications(String listener, Class<?> eventType, String containing) {
		return jdbc.sql("""
				SELECT count(*) FROM events.event_publication
				 WHERE listener_id LIKE :listener AND event_type = :type AND serialized_event LIKE :containing""")
			.param("listener", listener)
			.param("type", eventType.getName())
			.param("containing", "%" + containing + "%")
			.query(Integer.class)
			.single();
	}

	private int completedPublications(String listener, String containing) {
		return jdbc
			.sql("""
					SELECT count(*) FROM events.event_publication
					 WHERE listener_id LIKE :listener AND serialized_event LIKE :containing AND completion_date IS NOT NULL""")
			.param("listener", listener)
			.param("containing", "%" + containing + "%")
			.query(Integer.class)
			.single();
	}

	private static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200));
	}

	private static JwtRequestPostProcessor customer(UUID id) {
		return jwt().jwt(token -> token.subject(id.toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER"));
	}

	private static JwtRequestPostProcessor staff() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_STAFF"));
	}

}
