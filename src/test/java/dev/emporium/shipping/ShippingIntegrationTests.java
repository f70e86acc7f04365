package dev.emporium.shipping;

import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationModuleTest
class ShippingIntegrationTests {

	private final ShipmentManagement shipping;

	private final Shipments shipments;

	ShippingIntegrationTests(ShipmentManagement shipping, Shipments shipments) {
		this.shipping = shipping;
		this.shipments = shipments;
	}

	@Test
	void createsAPendingShipmentWhenAsked(Scenario scenario) {
		var orderId = UUID.randomUUID();
		var customerId = UUID.randomUUID();

		scenario.publish(new ShipmentRequested(orderId, customerId, ShipmentTests.ADDRESS))
			.andWaitForStateChange(() -> shipments.findByOrderId(orderId), Optional::isPresent)
			.andVerify(shipment -> {
				assertThat(shipment).hasValueSatisfying(created -> {
					assertThat(created.status()).isEqualTo(ShipmentStatus.PENDING);
					assertThat(created.customerId()).isEqualTo(customerId);
					assertThat(created.address()).isEqualTo(ShipmentTests.ADDRESS);
				});
			});
	}

	@Test
	void createsOneShipmentForARepeatedRequest() {
		var request = new ShipmentRequested(UUID.randomUUID(), UUID.randomUUID(), ShipmentTests.ADDRESS);
		shipping.request(request);
		var first = shipments.findByOrderId(request.orderId()).orElseThrow();

		shipping.request(request);

		assertThat(shipments.findByOrderId(request.orderId())).hasValueSatisfying(shipment -> {
			assertThat(shipment.id()).isEqualTo(first.id());
			assertThat(shipment.status()).isEqualTo(ShipmentStatus.PENDING);
		});
	}

	@Test
	void dispatchPublishesShipmentDispatched(Scenario scenario) {
		var shipment = requested();

		scenario.stimulate(() -> shipping.dispatch(shipment.id(), "1Z999"))
			.andWaitForEventOfType(ShipmentDispatched.class)
			.matching(event -> event.shipmentId().equals(shipment.id()))
			.toArriveAndVerify(event -> {
				assertThat(event.orderId()).isEqualTo(shipment.orderId());
				assertThat(event.trackingNumber()).isEqualTo("1Z999");
				assertThat(statusOf(shipment)).isEqualTo(ShipmentStatus.DISPATCHED);
			});
	}

	@Test
	void deliveryPublishesShipmentDelivered(Scenario scenario) {
		var shipment = requested();
		shipping.dispatch(shipment.id(), "1Z999");

		scenario.stimulate(() -> shipping.deliver(shipment.id()))
			.andWaitForEventOfType(ShipmentDelivered.class)
			.matching(event -> event.shipmentId().equals(shipment.id()))
			.toArriveAndVerify(event -> assertThat(statusOf(shipment)).isEqualTo(ShipmentStatus.DELIVERED));
	}

	@Test
	void cancellationCancelsAPendingShipment(Scenario scenario) {
		var shipment = requested();

		scenario.publish(new ShipmentCancellationRequested(shipment.orderId()))
			.andWaitForStateChange(() -> statusOf(shipment), ShipmentStatus.CANCELLED::equals)
			.andVerify(status -> assertThatThrownBy(() -> shipping.dispatch(shipment.id(), "1Z999"))
				.isInstanceOf(InvalidShipmentStateException.class));
	}

	@Test
	void cancellationLeavesADispatchedShipmentAlone() {
		var shipment = requested();
		shipping.dispatch(shipment.id(), "1Z999");

		shipping.cancel(shipment.orderId());

		assertThat(statusOf(shipment)).isEqualTo(ShipmentStatus.DISPATCHED);
	}

	@Test
	void cancellationBeforeRequestLeavesATombstoneSoNoShipmentIsCreatedLater(Scenario scenario) {
		var orderId = UUID.randomUUID();

		scenario.publish(new ShipmentCancellationRequested(orderId))
			.andWaitForStateChange(() -> shipments.findByOrderId(orderId), Optional::isPresent)
			.andVerify(tombstone -> {
				shipping.request(new ShipmentRequested(orderId, UUID.randomUUID(), ShipmentTests.ADDRESS));
				assertThat(shipments.findByOrderId(orderId)).hasValueSatisfying(shipment -> {
					assertThat(shipment.status()).isEqualTo(ShipmentStatus.CANCELLED);
					assertThat(shipment.customerId()).isNull();
					assertThat(shipment.address()).isNull();
				});
			});
	}

	@Test
	void cancellationRacingItsRequestAlwaysEndsCancelled() throws Exception {
		var orders = new ArrayList<UUID>();
		var tasks = new ArrayList<Callable<Object>>();
		for (int i = 0; i < 10; i++) {
			var orderId = UUID.randomUUID();
			orders.add(orderId);
			tasks.add(Executors.callable(
					() -> shipping.request(new ShipmentRequested(orderId, UUID.randomUUID(), ShipmentTests.ADDRESS))));
			tasks.add(Executors.callable(() -> shipping.cancel(orderId)));
		}
		var executor = Executors.newFixedThreadPool(tasks.size());
		try {
			for (var future : executor.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}

		assertThat(orders).allSatisfy(orderId -> assertThat(shipments.findByOrderId(orderId).orElseThrow().status())
			.isEqualTo(ShipmentStatus.CANCELLED));
	}

	private Shipment requested() {
		var orderId = UUID.randomUUID();
		shipping.request(new ShipmentRequested(orderId, UUID.randomUUID(), ShipmentTests.ADDRESS));
		return shipments.findByOrderId(orderId).orElseThrow();
	}

	private ShipmentStatus statusOf(Shipment shipment) {
		return shipments.findById(shipment.id()).orElseThrow().status();
	}

}
