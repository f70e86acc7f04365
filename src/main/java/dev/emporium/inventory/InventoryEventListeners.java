package dev.emporium.inventory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.emporium.shipping.ShipmentDispatched;

/**
 * Acts on the requests other modules send inventory, and commits a reservation when its
 * order's shipment leaves.
 */
@Component
class InventoryEventListeners {

	private final InventoryManagement inventory;

	InventoryEventListeners(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@ApplicationModuleListener
	void on(StockReservationRequested event) {
		inventory.reserve(event);
	}

	@ApplicationModuleListener
	void on(StockReleaseRequested event) {
		inventory.release(event.orderId());
	}

	@ApplicationModuleListener
	void on(ShipmentDispatched event) {
		inventory.commit(event.orderId());
	}

}
