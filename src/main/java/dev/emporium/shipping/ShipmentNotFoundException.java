package dev.emporium.shipping;

import java.util.UUID;

/**
 * No shipment with this id exists, or the caller may not see it.
 */
class ShipmentNotFoundException extends RuntimeException {

	ShipmentNotFoundException(UUID shipmentId) {
		super("No shipment " + shipmentId);
	}

}
