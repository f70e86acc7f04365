package dev.emporium.platform.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;

/**
 * Test listeners that count what they receive per event ID, shared by every context of
 * the JVM so that two application instances can be checked together.
 */
class DeliveryProbe {

	static final Map<UUID, List<String>> deliveries = new ConcurrentHashMap<>();

	static void record(UUID id, String by) {
		deliveries.computeIfAbsent(id, __ -> new CopyOnWriteArrayList<>()).add(by);
	}

	static int count(UUID id) {
		return deliveries.getOrDefault(id, List.of()).size();
	}

	/**
	 * The ID Spring Modulith registers the publications of a listener method under.
	 */
	static String listenerId(Class<?> type, String method, Class<?> event) {
		try {
			var target = type.getDeclaredMethod(method, event);
			return new TransactionalApplicationListenerMethodAdapter("probe", type, target).getListenerId();
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Receives parcels and records them under the given name.
	 */
	static class ParcelListener {

		private final String name;

		ParcelListener(String name) {
			this.name = name;
		}

		@ApplicationModuleListener
		void on(Parcel parcel) throws InterruptedException {
			record(parcel.id(), name);
			Thread.sleep(parcel.workMillis());
		}

	}

	/**
	 * A test event that listeners always accept.
	 *
	 * @param id its identity
	 * @param workMillis how long the listener works on it
	 */
	public record Parcel(UUID id, long workMillis) {
	}

	/**
	 * A test event that one listener always rejects.
	 *
	 * @param id its identity
	 */
	public record PoisonPill(UUID id) {
	}

}
