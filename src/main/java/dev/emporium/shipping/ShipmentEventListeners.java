package dev.emporium.shipping;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Acts on the shipment requests and cancellations other modules send shipping.
 */
@Component
class ShipmentEventListeners {

	private final ShipmentManagement shipping;

	ShipmentEventListeners(ShipmentManagement shipping) {
		this.shipping = shipping;
	}

	@ApplicationModuleListener
	void on(ShipmentRequested event) {
		shipping.request(event);
	}

	@ApplicationModuleListener
	void on(ShipmentCancellationRequested event) {
		shipping.cancel(event.orderId());
	}

}
