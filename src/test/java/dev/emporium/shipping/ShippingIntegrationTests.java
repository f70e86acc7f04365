package dev.emporium.shipping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.emporium.shared.IdentifiedEvent;
import dev.emporium.shared.Redeliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationModuleTest
@Import(Redeliveries.class)
class ShippingIntegrationTests {

	private final ShipmentManagement shipping;

	private final Shipments shipments;

	private final Redeliveries redeliveries;

	ShippingIntegrationTests(ShipmentManagement shipping, Shipments shipments, Redeliveries redeliveries) {
		this.shipping = shipping;
		this.shipments = shipments;
		this.redeliveries = redeliveries;
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
	void cancellationCancelsAPendingShipmentAndSaysSo(Scenario scenario) {
		var shipment = requested();

		scenario.publish(new ShipmentCancellationRequested(shipment.orderId()))
			.andWaitForStateChange(() -> published(ShipmentCancelled.class, shipment.orderId()),
					answers -> !answers.isEmpty())
			.andVerify(answers -> {
				assertThat(answers).singleElement()
					.satisfies(event -> assertThat(event.shipmentId()).isEqualTo(shipment.id()));
				assertThat(statusOf(shipment)).isEqualTo(ShipmentStatus.CANCELLED);
				assertThatThrownBy(() -> shipping.dispatch(shipment.id(), "1Z999"))
					.isInstanceOf(ShipmentCancelledException.class);
			});
		assertThat(published(ShipmentCancellationRefused.class, shipment.orderId())).isEmpty();
	}

	@Test
	void cancellationOfADispatchedShipmentIsRefusedWithItsTrackingNumber(Scenario scenario) {
		var shipment = requested();
		shipping.dispatch(shipment.id(), "1Z999");

		scenario.stimulate(() -> shipping.cancel(shipment.orderId()))
			.andWaitForEventOfType(ShipmentCancellationRefused.class)
			.matching(event -> event.orderId().equals(shipment.orderId()))
			.toArriveAndVerify(event -> {
				assertThat(event.shipmentId()).isEqualTo(shipment.id());
				assertThat(event.status()).isEqualTo("DISPATCHED");
				assertThat(event.trackingNumber()).isEqualTo("1Z999");
			});
		assertThat(statusOf(shipment)).isEqualTo(ShipmentStatus.DISPATCHED);
		assertThat(published(ShipmentCancelled.class, shipment.orderId())).isEmpty();
	}

	@Test
	void cancelAndDispatchAtTheSameMomentNeverBothSucceed() throws Exception {
		var dispatched = 0;
		for (int trial = 0; trial < 50; trial++) {
			var shipment = requested();
			var start = new CountDownLatch(1);
			var executor = Executors.newFixedThreadPool(2);
			try {
				var cancel = executor.submit(() -> {
					start.await();
					shipping.cancel(shipment.orderId());
					return null;
				});
				var dispatch = executor.submit(() -> {
					start.await();
					try {
						shipping.dispatch(shipment.id(), "1Z-" + shipment.orderId());
						return true;
					}
					catch (ShipmentCancelledException ex) {
						return false;
					}
				});
				start.countDown();
				cancel.get(30, TimeUnit.SECONDS);
				var dispatchWon = dispatch.get(30, TimeUnit.SECONDS);
				var orderId = shipment.orderId();
				var cancelledEvents = published(ShipmentCancelled.class, orderId);
				var refusals = published(ShipmentCancellationRefused.class, orderId);
				if (dispatchWon) {
					dispatched++;
					assertThat(statusOf(shipment)).isEqualTo(ShipmentStatus.DISPATCHED);
					assertThat(refusals).hasSize(1);
					assertThat(cancelledEvents).isEmpty();
				}
				else {
					assertThat(statusOf(shipment)).isEqualTo(ShipmentStatus.CANCELLED);
					assertThat(cancelledEvents).hasSize(1);
					assertThat(refusals).isEmpty();
				}
				assertThat(published(ShipmentDispatched.class, orderId)).hasSize(dispatchWon ? 1 : 0);
			}
			finally {
				executor.shutdownNow();
			}
		}
		System.out.printf("shipping: cancel versus dispatch, 50 trials: dispatched=%d cancelled=%d%n", dispatched,
				50 - dispatched);
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

	private <T extends IdentifiedEvent> List<T> published(Class<T> type, UUID orderId) {
		return redeliveries.published(type, event -> orderId.equals(orderIdOf(event)));
	}

	private static UUID orderIdOf(IdentifiedEvent event) {
		if (event instanceof ShipmentCancelled cancelled) {
			return cancelled.orderId();
		}
		if (event instanceof ShipmentCancellationRefused refused) {
			return refused.orderId();
		}
		return (event instanceof ShipmentDispatched dispatched) ? dispatched.orderId() : null;
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
