package dev.emporium.platform.kafka;

import java.util.ArrayList;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.emporium.platform.kafka.EventBridge.NotAnEventException;
import dev.emporium.platform.kafka.EventTypes.EventType;
import dev.emporium.platform.topology.ConditionalOnModuleTopology;
import dev.emporium.platform.topology.ModuleTopology;

/**
 * Carries events across processes over Kafka once some module runs elsewhere: Spring
 * Modulith's externalizer sends the events produced here, and {@link EventBridge}
 * republishes those of remote modules, dead-lettering what it cannot read. The all-local
 * monolith has none of it (docs/events.md, "Across processes: Kafka").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnModuleTopology(distributed = true)
class KafkaEventsConfiguration {

	static final String DEAD_LETTER_SUFFIX = ".dlt";

	private static final Logger log = LoggerFactory.getLogger(KafkaEventsConfiguration.class);

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static EventTypes eventTypes(ModuleTopology topology) {
		var types = EventTypes.of(topology.index());
		types.all().forEach(type -> {
			if (!topology.modules().contains(type.producer())) {
				throw new IllegalStateException("%s is @Externalized to %s, but there is no module %s"
					.formatted(type.type().getName(), type.topic(), type.producer()));
			}
		});
		return types;
	}

	/**
	 * Selects only the events this process produces: Modulith's default selection would
	 * also send back those that came in from Kafka.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static EventExternalizationConfiguration eventExternalizationConfiguration(ModuleTopology topology,
			EventTypes types) {
		return EventExternalizationConfiguration.externalizing()
			.select(event -> types.byClass(event.getClass())
				.map(EventType::producer)
				.filter(topology::isLocal)
				.isPresent())
			.build();
	}

	@Bean
	KafkaEventSerialization kafkaEventSerialization(JsonMapper json, EventTypes types) {
		return new KafkaEventSerialization(json, types);
	}

	@Bean
	DefaultKafkaProducerFactoryCustomizer eventSerializer(KafkaEventSerialization serialization) {
		return factory -> producers(factory).setValueSerializerSupplier(serialization::valueSerializer);
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer eventDeserializer(KafkaEventSerialization serialization) {
		return factory -> consumers(factory).setValueDeserializerSupplier(serialization::valueDeserializer);
	}

	/**
	 * Every module's topic, and the dead-letter topic of each one read here; topics that
	 * exist are left as they are.
	 */
	@Bean
	KafkaAdmin.NewTopics eventTopics(ModuleTopology topology) {
		var topics = new ArrayList<NewTopic>();
		topology.modules().forEach(module -> topics.add(TopicBuilder.name(topic(module)).build()));
		topology.remoteModules()
			.forEach(module -> topics.add(TopicBuilder.name(topic(module) + DEAD_LETTER_SUFFIX).build()));
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	@Bean
	EventBridge eventBridge(ApplicationEventPublisher events, TransactionOperations transactions,
			ConfigurableListableBeanFactory beans) {
		return new EventBridge(events, transactions, new LocalListeners(beans));
	}

	@Bean
	ConcurrentMessageListenerContainer<Object, Object> eventBridgeContainer(
			ConcurrentKafkaListenerContainerFactory<Object, Object> factory, ModuleTopology topology,
			EventBridge bridge, KafkaOperations<Object, Object> kafka, EventBridgeSettings settings) {
		var topics = topology.remoteModules().stream().map(KafkaEventsConfiguration::topic).toArray(String[]::new);
		var container = factory.createContainer(topics);
		var properties = container.getContainerProperties();
		properties.setGroupId("emporium-" + topology.service().orElse("monolith"));
		// The offset is committed only after the bridge's transaction, whatever the
		// spring.kafka.listener settings say.
		properties.setAckMode(AckMode.BATCH);
		properties.setMessageListener(bridge);
		container.setCommonErrorHandler(errorHandler(kafka, settings));
		log.info("Reading events of {} as consumer group {}", String.join(", ", topics), properties.getGroupId());
		return container;
	}

	private static DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> kafka,
			EventBridgeSettings settings) {
		var deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, failure) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
		ConsumerAwareRecordRecoverer recoverer = (record, consumer, failure) -> {
			log.error("Event record {}-{}@{} (key {}) cannot be republished, sending it to {}{}: {}", record.topic(),
					record.partition(), record.offset(), record.key(), record.topic(), DEAD_LETTER_SUFFIX,
					NestedExceptionUtils.getMostSpecificCause(failure).toString());
			deadLetters.accept(record, consumer, failure);
		};
		var backOff = new ExponentialBackOff(settings.initialBackoff().toMillis(), 2);
		backOff.setMaxInterval(settings.maxBackoff().toMillis());
		backOff.setMaxElapsedTime(settings.giveUpAfter().toMillis());
		var handler = new DefaultErrorHandler(recoverer, backOff);
		// Like an unreadable record (DeserializationException, not retried by default),
		// an empty one goes to the dead-letter topic at once.
		handler.addNotRetryableExceptions(NotAnEventException.class);
		return handler;
	}

	static String topic(String module) {
		return EventTypes.TOPIC_PREFIX + module;
	}

	@SuppressWarnings("unchecked")
	private static DefaultKafkaProducerFactory<Object, Object> producers(DefaultKafkaProducerFactory<?, ?> factory) {
		return (DefaultKafkaProducerFactory<Object, Object>) factory;
	}

	@SuppressWarnings("unchecked")
	private static DefaultKafkaConsumerFactory<Object, Object> consumers(DefaultKafkaConsumerFactory<?, ?> factory) {
		return (DefaultKafkaConsumerFactory<Object, Object>) factory;
	}

}
