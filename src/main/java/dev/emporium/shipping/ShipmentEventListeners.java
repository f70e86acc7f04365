package dev.emporium.shipping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Acts on the shipment requests and cancellations other modules send shipping. Each
 * listener first records the event in shipping's inbox, in its own transaction, and
 * ignores an event it already applied. The listener names passed to the inbox are part of
 * its key: renaming one makes applied events look new.
 */
@Component
class ShipmentEventListeners {

	private static final Logger log = LoggerFactory.getLogger(ShipmentEventListeners.class);

	private final ShipmentManagement shipping;

	private final Shipments inbox;

	ShipmentEventListeners(ShipmentManagement shipping, Shipments inbox) {
		this.shipping = shipping;
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(ShipmentRequested event) {
		if (!inbox.markApplied(event.eventId(), "ShipmentRequested")) {
			log.debug("Ignoring ShipmentRequested {}: already applied", event.eventId());
			return;
		}
		shipping.request(event);
	}

	@ApplicationModuleListener
	void on(ShipmentCancellationRequested event) {
		if (!inbox.markApplied(event.eventId(), "ShipmentCancellationRequested")) {
			log.debug("Ignoring ShipmentCancellationRequested {}: already applied", event.eventId());
			return;
		}
		shipping.cancel(event.orderId());
	}

}
