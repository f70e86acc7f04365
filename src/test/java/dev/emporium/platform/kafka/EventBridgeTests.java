package dev.emporium.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionOperations;

import dev.emporium.shared.IdentifiedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge publishes a record's event in a transaction when some listener method of
 * this process takes it, and skips it otherwise: most records on a topic are for other
 * modules.
 */
class EventBridgeTests {

	final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

	final List<Object> published = new ArrayList<>();

	final CountingTransactions transactions = new CountingTransactions();

	@AfterEach
	void close() {
		context.close();
	}

	@Test
	void findsTheEventTypesTheLocalListenerMethodsTake() {
		var listeners = listeners(ModuleListeners.class, DeclaredListeners.class);

		assertThat(listeners.listenTo(new Requested(UUID.randomUUID()))).isTrue();
		assertThat(listeners.listenTo(new Declared(UUID.randomUUID()))).as("named by @EventListener(classes = ...)")
			.isTrue();
		assertThat(listeners.listenTo(new Ignored(UUID.randomUUID()))).isFalse();
	}

	@Test
	void takesASubtypeOfAListenedTypeAsListened() {
		var listeners = listeners(WideListeners.class);

		assertThat(listeners.listenTo(new Ignored(UUID.randomUUID()))).isTrue();
		assertThat(listeners.listenTo("text")).isFalse();
	}

	@Test
	void asksAConditionalListenerSuchAsTheExternalizerEventByEvent() {
		var listeners = listeners(ConditionalListener.class);

		assertThat(listeners.listenTo(new Declared(ConditionalListener.TAKEN))).isTrue();
		assertThat(listeners.listenTo(new Declared(UUID.randomUUID()))).as("a listener of any object").isFalse();
	}

	@Test
	void publishesAListenedEventInATransactionAndSkipsTheOthers() {
		var bridge = new EventBridge(published::add, transactions, listeners(ModuleListeners.class));
		var requested = new Requested(UUID.randomUUID());

		bridge.onMessage(record(new Ignored(UUID.randomUUID())));
		bridge.onMessage(record(requested));

		assertThat(published).containsExactly(requested);
		assertThat(transactions.count).isOne();
	}

	private LocalListeners listeners(Class<?>... beans) {
		context.register(beans);
		context.refresh();
		return new LocalListeners(context.getBeanFactory());
	}

	private static ConsumerRecord<String, Object> record(IdentifiedEvent event) {
		return new ConsumerRecord<>("emporium.remote", 0, 0, event.eventId().toString(), event);
	}

	record Requested(UUID eventId) implements IdentifiedEvent {
	}

	record Declared(UUID eventId) implements IdentifiedEvent {
	}

	record Ignored(UUID eventId) implements IdentifiedEvent {
	}

	static class ModuleListeners {

		@ApplicationModuleListener
		void on(Requested event) {
		}

	}

	static class DeclaredListeners {

		@EventListener(classes = Declared.class)
		void onDeclared() {
		}

	}

	static class WideListeners {

		@EventListener
		void on(IdentifiedEvent event) {
		}

	}

	static class ConditionalListener implements ConditionalEventListener {

		static final UUID TAKEN = UUID.randomUUID();

		@EventListener
		void on(Object event) {
		}

		@Override
		public boolean supports(Object event) {
			return event instanceof Declared declared && declared.eventId().equals(TAKEN);
		}

	}

	static class CountingTransactions implements TransactionOperations {

		int count;

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			count++;
			return action.doInTransaction(new SimpleTransactionStatus());
		}

	}

}
