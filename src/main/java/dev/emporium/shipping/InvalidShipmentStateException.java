package dev.emporium.shipping;

import java.util.UUID;

/**
 * A shipment cannot make the requested move from the state it is in.
 */
class InvalidShipmentStateException extends RuntimeException {

	InvalidShipmentStateException(UUID shipmentId, Shipment.Status current, Shipment.Status target) {
		super("Shipment %s is %s and cannot become %s".formatted(shipmentId, current, target));
	}

}
