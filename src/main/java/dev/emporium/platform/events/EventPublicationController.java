package dev.emporium.platform.events;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.emporium.platform.events.EventPublicationAdmin.Count;
import dev.emporium.platform.events.EventPublicationAdmin.FailedPublication;
import dev.emporium.shared.Caller;

/**
 * Lets staff see failed event publications and retry or discard them over HTTP.
 */
@RestController
@RequestMapping("/api/v1/admin/events")
@PreAuthorize("hasRole('STAFF')")
@Tag(name = "Event publications", description = "Failed and parked event deliveries (staff only)")
class EventPublicationController {

	private static final String FAILED_EXAMPLE = """
			[{"id": "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99",
			  "listener": "dev.emporium.inventory.InventoryListeners.on(dev.emporium.inventory.StockReservationRequested)",
			  "module": "inventory", "eventType": "dev.emporium.inventory.StockReservationRequested",
			  "publicationDate": "2026-01-31T10:00:00.125Z", "attempts": 5,
			  "lastError": "org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection\\n\\tat dev.emporium.inventory.InventoryListeners.on(InventoryListeners.java:34)",
			  "failedAt": "2026-01-31T10:04:10.250Z", "parked": true}]""";

	private static final String SUMMARY_EXAMPLE = """
			[{"module": "inventory", "eventType": "dev.emporium.inventory.StockReservationRequested",
			  "status": "COMPLETED", "publications": 41},
			 {"module": "inventory", "eventType": "dev.emporium.inventory.StockReservationRequested",
			  "status": "PARKED", "publications": 1},
			 {"module": "notifications", "eventType": "dev.emporium.orders.OrderPlaced",
			  "status": "COMPLETED", "publications": 42}]""";

	private final EventPublicationAdmin admin;

	EventPublicationController(EventPublicationAdmin admin) {
		this.admin = admin;
	}

	@GetMapping("/failed")
	@Operation(summary = "List failed event publications, oldest first",
			description = "At most 500. A failed publication is retried with exponential backoff until it reaches "
					+ "the maximum attempts; then it is parked (parked: true) until staff retry or discard it.")
	@ApiResponse(responseCode = "200", description = "The failed publications with their last error",
			useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(FAILED_EXAMPLE)))
	@ApiResponse(responseCode = "403", description = "Not staff")
	@ApiResponse(responseCode = "422", description = "Invalid module or event type")
	List<FailedPublication> failed(
			@Parameter(
					description = "The listener's module, e.g. inventory, or kafka for sends to Kafka") @RequestParam(
							required = false) @Pattern(regexp = "[a-z][a-z0-9]*") String module,
			@Parameter(
					description = "Fully qualified or simple event type, e.g. StockReservationRequested") @RequestParam(
							required = false) @Size(max = 255) String eventType) {
		return admin.failed(module, eventType);
	}

	@GetMapping("/summary")
	@Operation(summary = "Count event publications per module, event type and status",
			description = "Statuses: PUBLISHED, PROCESSING, RESUBMITTED, FAILED (to be retried), PARKED (failed, "
					+ "no longer retried) and COMPLETED (kept for the retention period).")
	@ApiResponse(responseCode = "200", description = "The counts", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(SUMMARY_EXAMPLE)))
	@ApiResponse(responseCode = "403", description = "Not staff")
	List<Count> summary() {
		return admin.summary();
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "Deliver a failed event publication again now",
			description = "Resets its attempts; if it fails again it is retried with backoff as if new.")
	@ApiResponse(responseCode = "202", description = "Resubmitted; delivery is asynchronous (no body)")
	@ApiResponse(responseCode = "400", description = "The id is not a UUID")
	@ApiResponse(responseCode = "403", description = "Not staff")
	@ApiResponse(responseCode = "404", description = "No such publication")
	@ApiResponse(responseCode = "409", description = "Completed already, or being delivered (not FAILED)")
	ResponseEntity<Void> retry(@PathVariable UUID id) {
		admin.retry(id);
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/{id}/discard")
	@Operation(summary = "Discard an incomplete event publication",
			description = "Deletes it, so its listener never receives the event; the event is written to the "
					+ "audit log (logger dev.emporium.audit.events).")
	@ApiResponse(responseCode = "204", description = "Discarded (no body)")
	@ApiResponse(responseCode = "400", description = "The id is not a UUID")
	@ApiResponse(responseCode = "403", description = "Not staff")
	@ApiResponse(responseCode = "404", description = "No such publication")
	@ApiResponse(responseCode = "409", description = "Completed already")
	ResponseEntity<Void> discard(Caller caller, @PathVariable UUID id) {
		admin.discard(id, "staff " + caller.customerId());
		return ResponseEntity.noContent().build();
	}

}
