package dev.emporium.platform.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets staff (and bin/extract) hold and release this instance's client traffic.
 */
@RestController
@RequestMapping("/api/v1/admin/traffic/hold")
@PreAuthorize("hasRole('STAFF')")
@Tag(name = "Traffic hold", description = "Refuse client requests with 503 during a data move (staff only)")
class TrafficHoldController {

	private static final String HELD_EXAMPLE = """
			{"held": true, "since": "2026-01-31T10:00:00.125Z"}""";

	private final TrafficHold hold;

	TrafficHoldController(TrafficHold hold) {
		this.hold = hold;
	}

	@PutMapping
	@Operation(
			summary = "Hold client traffic: not ready, and 503 with Retry-After for every API request but /api/v1/admin",
			description = "For the cut-over of a data move (bin/extract, docs/extraction.md): a load balancer stops "
					+ "routing here, event listeners go on. Holding again keeps the first time.")
	@ApiResponse(responseCode = "200", description = "Held, and since when", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(HELD_EXAMPLE)))
	@ApiResponse(responseCode = "403", description = "Not staff")
	Hold hold() {
		return new Hold(true, hold.hold());
	}

	@GetMapping
	@Operation(summary = "Whether client traffic is held, and since when",
			description = "What bin/extract and an operator check during a data move; `since` is absent when not held.")
	@ApiResponse(responseCode = "200", description = "Held or not", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(HELD_EXAMPLE)))
	@ApiResponse(responseCode = "403", description = "Not staff")
	Hold status() {
		return new Hold(hold.heldSince().isPresent(), hold.heldSince().orElse(null));
	}

	@DeleteMapping
	@Operation(summary = "Release client traffic", description = "The instance reports ready again.")
	@ApiResponse(responseCode = "204", description = "Released, or was not held (no body)")
	@ApiResponse(responseCode = "403", description = "Not staff")
	ResponseEntity<Void> release() {
		hold.release();
		return ResponseEntity.noContent().build();
	}

	/** Whether traffic is held, and since when. */
	record Hold(boolean held, Instant since) {
	}

}
