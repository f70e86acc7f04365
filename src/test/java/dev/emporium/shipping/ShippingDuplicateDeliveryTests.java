package dev.emporium.shipping;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.emporium.shared.Redeliveries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipping listener applies one event once: the same instance delivered twice has
 * one effect and leaves one inbox row.
 */
@ApplicationModuleTest
@Import(Redeliveries.class)
class ShippingDuplicateDeliveryTests {

	private final Shipments shipments;

	private final ShipmentManagement shipping;

	private final JdbcClient jdbc;

	private final Redeliveries redeliveries;

	ShippingDuplicateDeliveryTests(Shipments shipments, ShipmentManagement shipping, JdbcClient jdbc,
			Redeliveries redeliveries) {
		this.shipments = shipments;
		this.shipping = shipping;
		this.jdbc = jdbc;
		this.redeliveries = redeliveries;
	}

	@Test
	void createsOneShipmentForARedeliveredRequest(Scenario scenario) {
		var request = new ShipmentRequested(UUID.randomUUID(), UUID.randomUUID(), ShipmentTests.ADDRESS);

		redeliveries.deliverTwice(scenario, request);

		assertThat(shipmentsOf(request.orderId())).isEqualTo(1);
		assertThat(shipments.findByOrderId(request.orderId())).get()
			.extracting(Shipment::status)
			.isEqualTo(ShipmentStatus.PENDING);
		assertThat(redeliveries.inboxRows("shipping", request)).isEqualTo(1);
	}

	@Test
	void cancelsOnceForARedeliveredCancellation(Scenario scenario) {
		var request = new ShipmentRequested(UUID.randomUUID(), UUID.randomUUID(), ShipmentTests.ADDRESS);
		redeliveries.deliver(scenario, request);
		var cancellation = new ShipmentCancellationRequested(request.orderId());

		redeliveries.deliverTwice(scenario, cancellation);

		assertThat(shipmentsOf(request.orderId())).isEqualTo(1);
		assertThat(shipments.findByOrderId(request.orderId())).get()
			.extracting(Shipment::status)
			.isEqualTo(ShipmentStatus.CANCELLED);
		assertThat(redeliveries.inboxRows("shipping", cancellation)).isEqualTo(1);
		assertThat(redeliveries.published(ShipmentCancelled.class,
				cancelled -> cancelled.orderId().equals(request.orderId())))
			.as("one answer to one request")
			.hasSize(1);
	}

	@Test
	void refusesOnceForARedeliveredCancellationOfADispatchedShipment(Scenario scenario) {
		var request = new ShipmentRequested(UUID.randomUUID(), UUID.randomUUID(), ShipmentTests.ADDRESS);
		redeliveries.deliver(scenario, request);
		var shipment = shipments.findByOrderId(request.orderId()).orElseThrow();
		shipping.dispatch(shipment.id(), "1Z999");
		var cancellation = new ShipmentCancellationRequested(request.orderId());

		redeliveries.deliverTwice(scenario, cancellation);

		assertThat(shipments.findByOrderId(request.orderId())).get()
			.extracting(Shipment::status)
			.isEqualTo(ShipmentStatus.DISPATCHED);
		assertThat(redeliveries.published(ShipmentCancellationRefused.class,
				refused -> refused.orderId().equals(request.orderId())))
			.hasSize(1);
		assertThat(redeliveries.published(ShipmentCancelled.class,
				cancelled -> cancelled.orderId().equals(request.orderId())))
			.isEmpty();
	}

	private int shipmentsOf(UUID orderId) {
		return jdbc.sql("SELECT count(*) FROM shipping.shipment WHERE order_id = ?")
			.param(orderId)
			.query(Integer.class)
			.single();
	}

}
