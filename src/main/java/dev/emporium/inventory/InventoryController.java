package dev.emporium.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.emporium.shared.Caller;

/**
 * Stock levels per SKU, readable by any signed-in caller and restocked by staff.
 */
@RestController
@RequestMapping("/api/v1/inventory")
@Tag(name = "Inventory", description = "Stock on hand, reserved and available per SKU")
class InventoryController {

	private static final String STOCK_EXAMPLE = """
			{"sku": "MUG-001", "onHand": 100, "reserved": 3, "available": 97}""";

	private final InventoryManagement inventory;

	InventoryController(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@GetMapping("/{sku}")
	@Operation(summary = "Show the stock of a SKU",
			description = "On hand, reserved for orders not yet shipped, and available to new orders.")
	@ApiResponse(responseCode = "200", description = "The SKU's stock",
			content = @Content(schema = @Schema(implementation = StockLevel.class),
					examples = @ExampleObject(value = STOCK_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Inventory keeps no stock for this SKU")
	StockLevel stock(@PathVariable String sku, Caller caller) {
		return StockLevel.of(inventory.stockOf(sku));
	}

	@PostMapping("/{sku}/restock")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Add stock on hand for a catalog product (staff)",
			description = "Adds the quantity to what is on hand, and so to what new orders can reserve.",
			requestBody = @RequestBody(content = @Content(examples = @ExampleObject(value = """
					{"quantity": 5}"""))))
	@ApiResponse(responseCode = "200", description = "The SKU's stock after the restock",
			content = @Content(schema = @Schema(implementation = StockLevel.class),
					examples = @ExampleObject(value = STOCK_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "The catalog has no product with this SKU")
	@ApiResponse(responseCode = "409", description = "The stock on hand would exceed the supported maximum")
	@ApiResponse(responseCode = "422", description = "The quantity is missing, not positive or too large")
	StockLevel restock(@PathVariable String sku,
			@org.springframework.web.bind.annotation.RequestBody @Valid Restock restock) {
		return StockLevel.of(inventory.restock(sku, restock.quantity()));
	}

	/**
	 * How many units to add.
	 */
	record Restock(@NotNull @Positive @Max(1_000_000) Integer quantity) {
	}

	/**
	 * A SKU's stock: on hand, reserved for orders, and available to reserve.
	 */
	record StockLevel(String sku, int onHand, int reserved, int available) {

		static StockLevel of(Stock stock) {
			return new StockLevel(stock.sku(), stock.onHand(), stock.reserved(), stock.available());
		}

	}

}
