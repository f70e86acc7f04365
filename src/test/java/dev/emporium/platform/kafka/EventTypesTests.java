package dev.emporium.platform.kafka;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.Externalized;

import dev.emporium.catalog.ProductPriceChanged;
import dev.emporium.customers.CustomerRegistered;
import dev.emporium.inventory.StockReservationRequested;
import dev.emporium.orders.OrderPlaced;
import dev.emporium.platform.kafka.EventTypes.EventType;
import dev.emporium.platform.topology.ModuleIndex;
import dev.emporium.shared.IdentifiedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The externalized events are found on the classpath, each named by its owning module and
 * sent to its producing module's topic.
 */
class EventTypesTests {

	@Test
	void findsEveryExternalizedEventWithItsLogicalTypeId() {
		var types = EventTypes.of(ModuleIndex.read(EventTypesTests.class.getClassLoader()));

		assertThat(types.classesById()).containsOnlyKeys("catalog.ProductPriceChanged", "customers.CustomerRegistered",
				"inventory.StockReleaseRequested", "inventory.StockReservationRequested", "inventory.StockReserved",
				"inventory.StockShortage", "orders.OrderCancellationRefused", "orders.OrderCancelled",
				"orders.OrderConfirmed", "orders.OrderDelivered", "orders.OrderPlaced", "orders.OrderShipped",
				"payments.PaymentCompleted", "payments.PaymentDeclined", "payments.PaymentRefunded",
				"payments.PaymentRequested", "payments.RefundRequested", "shipping.ShipmentCancellationRefused",
				"shipping.ShipmentCancellationRequested", "shipping.ShipmentCancelled", "shipping.ShipmentDelivered",
				"shipping.ShipmentDispatched", "shipping.ShipmentRequested");
	}

	@Test
	void namesARequestByItsOwnerAndSendsItToTheTopicOfTheModuleThatProducesIt() {
		var types = EventTypes.of(ModuleIndex.read(EventTypesTests.class.getClassLoader()));

		assertThat(types.byClass(StockReservationRequested.class)).get()
			.isEqualTo(new EventType(StockReservationRequested.class, "inventory.StockReservationRequested",
					"emporium.orders"));
		assertThat(types.byId("inventory.StockReservationRequested").map(EventType::producer)).contains("orders");
		assertThat(types.byClass(OrderPlaced.class).map(EventType::topic)).contains("emporium.orders");
		assertThat(types.byClass(ProductPriceChanged.class).map(EventType::topic)).contains("emporium.catalog");
		assertThat(types.byClass(CustomerRegistered.class).map(EventType::producer)).contains("customers");
		assertThat(types.byId("inventory.Unknown")).isEmpty();
	}

	@Test
	void refusesAnEventWhoseTopicIsNotAModulesTopic() {
		assertThatIllegalStateException().isThrownBy(() -> EventTypes.of(List.of(Misrouted.class)))
			.withMessageContaining("Misrouted is @Externalized to 'orders', not to emporium.<producing module>");
	}

	@Externalized("orders::#{#this.eventId()}")
	record Misrouted(UUID eventId) implements IdentifiedEvent {
	}

}
