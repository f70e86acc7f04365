package dev.emporium.shipping;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * A shipment cannot make the requested move from the state it is in.
 */
class InvalidShipmentStateException extends ProblemException {

	InvalidShipmentStateException(UUID shipmentId, ShipmentStatus current, ShipmentStatus target) {
		super(HttpStatus.CONFLICT, "invalid-shipment-state", "Invalid shipment state",
				"Shipment %s is %s and cannot become %s".formatted(shipmentId, current, target));
	}

}
