package dev.emporium.inventory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.emporium.shipping.ShipmentDispatched;

/**
 * Acts on the requests other modules send inventory, and commits a reservation when its
 * order's shipment leaves; each applies its event once through inventory's inbox.
 */
@Component
class InventoryListeners {

	private final InventoryManagement inventory;

	private final Reservations inbox;

	InventoryListeners(InventoryManagement inventory, Reservations inbox) {
		this.inventory = inventory;
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(StockReservationRequested event) {
		inbox.applyOnce(event, "StockReservationRequested", () -> inventory.reserve(event));
	}

	@ApplicationModuleListener
	void on(StockReleaseRequested event) {
		inbox.applyOnce(event, "StockReleaseRequested", () -> inventory.release(event.orderId()));
	}

	@ApplicationModuleListener
	void on(ShipmentDispatched event) {
		inbox.applyOnce(event, "ShipmentDispatched", () -> inventory.commit(event.orderId()));
	}

}
