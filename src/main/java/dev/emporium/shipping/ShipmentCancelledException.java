package dev.emporium.shipping;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * Staff tried to dispatch a shipment whose cancellation shipping already accepted: the
 * customer was or is being refunded, so the parcel must not leave.
 */
class ShipmentCancelledException extends ProblemException {

	ShipmentCancelledException(UUID shipmentId) {
		super(HttpStatus.CONFLICT, "shipment-cancelled", "Shipment cancelled",
				"Shipment %s was cancelled at the customer's request and must not be dispatched".formatted(shipmentId));
	}

}
