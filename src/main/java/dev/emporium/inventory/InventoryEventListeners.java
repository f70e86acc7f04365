package dev.emporium.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.emporium.shipping.ShipmentDispatched;

/**
 * Acts on the requests other modules send inventory, and commits a reservation when its
 * order's shipment leaves. Each listener first records the event in inventory's inbox, in
 * its own transaction, and ignores an event it already applied. The listener names passed
 * to the inbox are part of its key: renaming one makes applied events look new.
 */
@Component
class InventoryEventListeners {

	private static final Logger log = LoggerFactory.getLogger(InventoryEventListeners.class);

	private final InventoryManagement inventory;

	private final Reservations inbox;

	InventoryEventListeners(InventoryManagement inventory, Reservations inbox) {
		this.inventory = inventory;
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(StockReservationRequested event) {
		if (!inbox.markApplied(event.eventId(), "StockReservationRequested")) {
			log.debug("Ignoring StockReservationRequested {}: already applied", event.eventId());
			return;
		}
		inventory.reserve(event);
	}

	@ApplicationModuleListener
	void on(StockReleaseRequested event) {
		if (!inbox.markApplied(event.eventId(), "StockReleaseRequested")) {
			log.debug("Ignoring StockReleaseRequested {}: already applied", event.eventId());
			return;
		}
		inventory.release(event.orderId());
	}

	@ApplicationModuleListener
	void on(ShipmentDispatched event) {
		if (!inbox.markApplied(event.eventId(), "ShipmentDispatched")) {
			log.debug("Ignoring ShipmentDispatched {}: already applied", event.eventId());
			return;
		}
		inventory.commit(event.orderId());
	}

}
