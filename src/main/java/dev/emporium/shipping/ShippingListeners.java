package dev.emporium.shipping;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Acts on the shipment requests and cancellations other modules send shipping; each
 * applies its event once through shipping's inbox.
 */
@Component
class ShippingListeners {

	private final ShipmentManagement shipping;

	private final Shipments inbox;

	ShippingListeners(ShipmentManagement shipping, Shipments inbox) {
		this.shipping = shipping;
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(ShipmentRequested event) {
		inbox.applyOnce(event, "ShipmentRequested", () -> shipping.request(event));
	}

	@ApplicationModuleListener
	void on(ShipmentCancellationRequested event) {
		inbox.applyOnce(event, "ShipmentCancellationRequested", () -> shipping.cancel(event.orderId()));
	}

}
