package dev.emporium.shipping;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * No shipment with this id exists, or the caller may not see it.
 */
class ShipmentNotFoundException extends ProblemException {

	ShipmentNotFoundException(UUID shipmentId) {
		super(HttpStatus.NOT_FOUND, "shipment-not-found", "Shipment not found", "No shipment " + shipmentId);
	}

}
