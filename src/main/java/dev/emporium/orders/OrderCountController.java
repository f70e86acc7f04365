package dev.emporium.orders;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells staff how many orders stand at each status, as the operations console shows it
 * live.
 */
@RestController
@Tag(name = "Orders", description = "Placing, tracking and cancelling orders")
class OrderCountController {

	private static final String COUNTS_EXAMPLE = """
			{"PLACED": 2, "RESERVED": 1, "PAID": 14, "SHIPPED": 3, "DELIVERED": 40, "CANCELLED": 5}""";

	private final OrderManagement orders;

	OrderCountController(OrderManagement orders) {
		this.orders = orders;
	}

	@GetMapping("/api/v1/orders/counts")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Count orders by status (staff)",
			description = "Every status, zero included, counted in one read-only transaction.")
	@ApiResponse(responseCode = "200", description = "The number of orders at each status", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(COUNTS_EXAMPLE)))
	@ApiResponse(responseCode = "401", description = "No valid access token",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Not staff",
			content = @Content(mediaType = "application/problem+json"))
	Map<OrderStatus, Long> counts() {
		return orders.countByStatus();
	}

}
