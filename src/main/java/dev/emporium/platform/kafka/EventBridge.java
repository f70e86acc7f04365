package dev.emporium.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionOperations;

import dev.emporium.shared.IdentifiedEvent;

/**
 * Publishes each record from a remote module's topic as the event it carries, in a local
 * transaction that stores the local listeners' publications before the record's offset is
 * committed; a record of a type no local listener takes is read and skipped
 * (docs/events.md, "Across processes: Kafka").
 */
class EventBridge implements MessageListener<String, Object> {

	private static final Logger log = LoggerFactory.getLogger(EventBridge.class);

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final LocalListeners listeners;

	EventBridge(ApplicationEventPublisher events, TransactionOperations transactions, LocalListeners listeners) {
		this.events = events;
		this.transactions = transactions;
		this.listeners = listeners;
	}

	@Override
	public void onMessage(ConsumerRecord<String, Object> record) {
		if (!(record.value() instanceof IdentifiedEvent event)) {
			throw new NotAnEventException(record);
		}
		if (!listeners.listenTo(event)) {
			log.debug("Skipped {} {} from {}-{}@{}: no listener here", event.getClass().getSimpleName(),
					event.eventId(), record.topic(), record.partition(), record.offset());
			return;
		}
		transactions.executeWithoutResult(status -> events.publishEvent(event));
		log.debug("Republished {} {} from {}-{}@{}", event.getClass().getSimpleName(), event.eventId(), record.topic(),
				record.partition(), record.offset());
	}

	/**
	 * The record carries no event (an empty value, a tombstone): retrying cannot help.
	 */
	static class NotAnEventException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotAnEventException(ConsumerRecord<?, ?> record) {
			super("Record %s-%d@%d carries no event".formatted(record.topic(), record.partition(), record.offset()));
		}

	}

}
