package dev.emporium.platform.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
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

	private final TrafficHold hold;

	TrafficHoldController(TrafficHold hold) {
		this.hold = hold;
	}

	@PutMapping
	@Operation(
			summary = "Hold client traffic: not ready, and 503 with Retry-After for every API request but /api/v1/admin")
	Hold hold() {
		return new Hold(true, hold.hold());
	}

	@GetMapping
	@Operation(summary = "Whether client traffic is held, and since when")
	Hold status() {
		return new Hold(hold.heldSince().isPresent(), hold.heldSince().orElse(null));
	}

	@DeleteMapping
	@Operation(summary = "Release client traffic")
	ResponseEntity<Void> release() {
		hold.release();
		return ResponseEntity.noContent().build();
	}

	/** Whether traffic is held, and since when. */
	record Hold(boolean held, Instant since) {
	}

}
