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

	private final JdbcClient jdbc;

	private final Redeliveries redeliveries;

	ShippingDuplicateDeliveryTests(Shipments shipments, JdbcClient jdbc, Redeliveries redeliveries) {
		this.shipments = shipments;
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
	}

	private int shipmentsOf(UUID orderId) {
		return jdbc.sql("SELECT count(*) FROM shipping.shipment WHERE order_id = ?")
			.param(orderId)
			.query(Integer.class)
			.single();
	}

}
