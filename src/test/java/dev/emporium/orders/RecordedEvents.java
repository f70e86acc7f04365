package dev.emporium.orders;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.context.event.EventListener;

import dev.emporium.inventory.StockReleaseRequested;
import dev.emporium.inventory.StockReservationRequested;
import dev.emporium.payments.PaymentRequested;
import dev.emporium.payments.RefundRequested;
import dev.emporium.shipping.ShipmentCancellationRequested;
import dev.emporium.shipping.ShipmentRequested;

/**
 * Records every event published in the test's application context, on whichever thread
 * published it, so that tests can count what an order caused.
 */
class RecordedEvents {

	/** The events the orders module publishes. */
	static final Set<Class<?>> ORDERS_OUTPUT = Set.of(OrderPlaced.class, OrderConfirmed.class, OrderCancelled.class,
			OrderShipped.class, OrderDelivered.class, StockReservationRequested.class, StockReleaseRequested.class,
			PaymentRequested.class, RefundRequested.class, ShipmentRequested.class,
			ShipmentCancellationRequested.class);

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		events.add(event);
	}

	<T> List<T> ofType(Class<T> type, Function<T, UUID> orderId, UUID id) {
		return events.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter(event -> id.equals(orderId.apply(event)))
			.toList();
	}

	/**
	 * Everything the orders module published about one order, in publication order.
	 */
	List<Object> publishedFor(UUID orderId) {
		return events.stream()
			.filter(event -> ORDERS_OUTPUT.contains(event.getClass()))
			.filter(event -> orderId.equals(orderIdOf(event)))
			.toList();
	}

	private static Object orderIdOf(Object event) {
		return Stream.of(event.getClass().getRecordComponents())
			.filter(component -> component.getName().equals("orderId"))
			.findFirst()
			.map((RecordComponent component) -> {
				try {
					return component.getAccessor().invoke(event);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			})
			.orElse(null);
	}

}
