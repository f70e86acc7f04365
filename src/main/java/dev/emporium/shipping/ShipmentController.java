package dev.emporium.shipping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.emporium.shared.Address;
import dev.emporium.shared.Caller;

/**
 * Shipments: customers follow their own, staff dispatch and deliver them.
 */
@RestController
@RequestMapping("/api/v1/shipments")
@Tag(name = "Shipping", description = "One shipment per paid order, dispatched and delivered by staff")
class ShipmentController {

	private static final String SHIPMENT_EXAMPLE = """
			{"id": "0b9f7c1e-5a53-4d4e-9a43-3f0f8d4b8a10", "orderId": "5f1e2a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
			 "status": "DISPATCHED", "trackingNumber": "1Z999AA10123456784",
			 "address": {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London",
			             "postalCode": "SW1Y 4JH", "country": "GB"},
			 "createdAt": "2025-01-01T10:00:00Z", "dispatchedAt": "2025-01-02T09:30:00Z"}""";

	private static final String DELIVERED_EXAMPLE = """
			{"id": "0b9f7c1e-5a53-4d4e-9a43-3f0f8d4b8a10", "orderId": "5f1e2a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
			 "status": "DELIVERED", "trackingNumber": "1Z999AA10123456784",
			 "address": {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London",
			             "postalCode": "SW1Y 4JH", "country": "GB"},
			 "createdAt": "2025-01-01T10:00:00Z", "dispatchedAt": "2025-01-02T09:30:00Z",
			 "deliveredAt": "2025-01-03T14:10:00Z"}""";

	private final ShipmentManagement shipping;

	ShipmentController(ShipmentManagement shipping) {
		this.shipping = shipping;
	}

	@GetMapping(params = "orderId")
	@Operation(summary = "List an order's shipments (empty unless the caller is staff or the order's customer)",
			description = "An order gets its shipment once it is paid.")
	@ApiResponse(responseCode = "200", description = "The order's shipments the caller may see",
			content = @Content(mediaType = "application/json",
					array = @ArraySchema(schema = @Schema(implementation = ShipmentView.class)),
					examples = @ExampleObject(value = "[" + SHIPMENT_EXAMPLE + "]")))
	List<ShipmentView> shipmentsOfOrder(@RequestParam UUID orderId, Caller caller) {
		return shipping.shipmentsOfOrder(orderId, caller).stream().map(ShipmentView::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Show a shipment (its customer or staff)",
			description = "Another customer's shipment answers 404, as if it did not exist.")
	@ApiResponse(responseCode = "200", description = "The shipment",
			content = @Content(schema = @Schema(implementation = ShipmentView.class),
					examples = @ExampleObject(value = SHIPMENT_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such shipment, or not the caller's")
	ShipmentView shipment(@PathVariable UUID id, Caller caller) {
		return ShipmentView.of(shipping.shipment(id, caller));
	}

	@PostMapping("/{id}/dispatch")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Dispatch a pending shipment with the carrier's tracking number (staff)",
			description = "The order becomes SHIPPED and its customer is notified with the tracking number.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(value = "{\"trackingNumber\": \"1Z999AA10123456784\"}"))))
	@ApiResponse(responseCode = "200", description = "The dispatched shipment",
			content = @Content(schema = @Schema(implementation = ShipmentView.class),
					examples = @ExampleObject(value = SHIPMENT_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such shipment")
	@ApiResponse(responseCode = "409",
			description = "The shipment is not pending: shipment-cancelled when its customer's cancellation was "
					+ "accepted (the parcel must not leave), invalid-shipment-state when it was already dispatched")
	@ApiResponse(responseCode = "422", description = "The tracking number is blank or longer than 64 characters")
	ShipmentView dispatch(@PathVariable UUID id, @RequestBody @Valid Dispatch dispatch) {
		return ShipmentView.of(shipping.dispatch(id, dispatch.trackingNumber()));
	}

	@PostMapping("/{id}/deliver")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Mark a dispatched shipment delivered (staff)",
			description = "The order becomes DELIVERED and its customer is notified.")
	@ApiResponse(responseCode = "200", description = "The delivered shipment",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ShipmentView.class),
					examples = @ExampleObject(value = DELIVERED_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such shipment")
	@ApiResponse(responseCode = "409", description = "The shipment is not dispatched")
	ShipmentView deliver(@PathVariable UUID id) {
		return ShipmentView.of(shipping.deliver(id));
	}

	/**
	 * The carrier's tracking number for a dispatch.
	 */
	record Dispatch(@NotBlank @Size(max = Shipment.MAX_TRACKING_NUMBER_LENGTH) String trackingNumber) {
	}

	/**
	 * A shipment as the API shows it.
	 */
	record ShipmentView(UUID id, UUID orderId, String status, String trackingNumber, Address address, Instant createdAt,
			Instant dispatchedAt, Instant deliveredAt) {

		static ShipmentView of(Shipment shipment) {
			return new ShipmentView(shipment.id(), shipment.orderId(), shipment.status().name(),
					shipment.trackingNumber(), shipment.address(), shipment.createdAt(), shipment.dispatchedAt(),
					shipment.deliveredAt());
		}

	}

}
