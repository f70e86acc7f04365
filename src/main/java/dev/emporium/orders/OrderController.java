package dev.emporium.orders;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.emporium.shared.Address;
import dev.emporium.shared.Caller;
import dev.emporium.shared.Money;
import dev.emporium.shared.RateLimited;

/**
 * Places, lists, shows and cancels orders over HTTP.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Placing, tracking and cancelling orders")
class OrderController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private static final String ORDER_ID = """
			{"id": "5f0c2a9e-8d4b-4c61-b7f3-0e2a6d9c1b44", "customerId": "0b6f2c9e-3c1a-4f7e-9a53-2f1f0c8d9e11",
			""";

	private static final String LINES_AND_ADDRESS = """
			 "lines": [{"sku": "MUG-001", "name": "Emporium mug", "quantity": 2,
			            "unitPrice": {"amount": "12.50", "currency": "EUR"},
			            "lineTotal": {"amount": "25.00", "currency": "EUR"}}],
			 "total": {"amount": "25.00", "currency": "EUR"},
			 "shippingAddress": {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London",
			                     "postalCode": "SW1Y 4JH", "country": "GB"},
			""";

	private static final String PLACED_ORDER_EXAMPLE = ORDER_ID + " \"status\": \"PLACED\",\n" + LINES_AND_ADDRESS + """
			"createdAt": "2026-01-31T10:00:00Z", "updatedAt": "2026-01-31T10:00:00Z"}""";

	private static final String ORDER_EXAMPLE = ORDER_ID + " \"status\": \"PAID\",\n" + LINES_AND_ADDRESS + """
			"createdAt": "2026-01-31T10:00:00Z", "updatedAt": "2026-01-31T10:00:02Z"}""";

	private static final String CANCELLED_ORDER_EXAMPLE = ORDER_ID + " \"status\": \"CANCELLED\",\n" + LINES_AND_ADDRESS
			+ """
					"cancellationReason": "CUSTOMER_REQUEST",
					"createdAt": "2026-01-31T10:00:00Z", "updatedAt": "2026-01-31T10:05:00Z"}""";

	private static final String CANCELLATION_PENDING_EXAMPLE = ORDER_ID + " \"status\": \"PAID\",\n" + LINES_AND_ADDRESS
			+ """
					"cancellationRequest": "PENDING", "cancellationRequestedAt": "2026-01-31T10:05:00Z",
					"createdAt": "2026-01-31T10:00:00Z", "updatedAt": "2026-01-31T10:05:00Z"}""";

	private static final String PAGE_EXAMPLE = "{\"content\": [" + ORDER_EXAMPLE + """
			],
			 "page": {"size": 20, "number": 0, "totalElements": 1, "totalPages": 1}}""";

	private final OrderManagement orders;

	OrderController(OrderManagement orders) {
		this.orders = orders;
	}

	@PostMapping
	@Operation(summary = "Place an order",
			description = "Prices the lines from the catalog and starts the checkout: the order is PLACED, then "
					+ "RESERVED, PAID, SHIPPED and DELIVERED, or CANCELLED. Send an Idempotency-Key to retry safely: "
					+ "the same key with the same body answers the first order again with Idempotent-Replayed: true; "
					+ "with a different body it is rejected. Each SKU may appear on one line only.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject("""
			{"lines":[{"sku":"MUG-001","quantity":2}],
			 "shippingAddress":{"name":"Ada Lovelace","line1":"12 St James's Square","city":"London",
			                    "postalCode":"SW1Y 4JH","country":"GB"},
			 "paymentToken":"tok_visa"}""")))
	@ApiResponse(responseCode = "201", description = "Order placed (or replayed for a repeated Idempotency-Key)",
			useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(PLACED_ORDER_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Malformed JSON")
	@ApiResponse(responseCode = "422",
			description = "Invalid request, unknown SKU, duplicate SKU, mixed currencies, invalid or reused Idempotency-Key")
	@ApiResponse(responseCode = "429", description = "Too many requests: see Retry-After (docs/security.md)",
			headers = @Header(name = "Retry-After", description = "Seconds to wait",
					schema = @Schema(type = "integer")))
	@RateLimited("order-placement")
	ResponseEntity<OrderResponse> place(Caller caller, @Valid @RequestBody PlaceOrder request,
			@Parameter(description = "1 to 255 printable ASCII characters, one per order request") @RequestHeader(
					name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		var lines = request.lines().stream().map(line -> new RequestedLine(line.sku(), line.quantity())).toList();
		var placement = orders.place(caller.customerId(), lines, request.shippingAddress(), request.paymentToken(),
				idempotencyKey);
		var order = placement.order();
		var response = ResponseEntity.created(URI.create("/api/v1/orders/" + order.id()));
		if (placement.replayed()) {
			response.header(REPLAYED, "true");
		}
		return response.body(OrderResponse.of(order));
	}

	@GetMapping
	@Operation(summary = "List orders, newest first",
			description = "Customers see their own orders, staff see everybody's.")
	@ApiResponse(responseCode = "200", description = "A page of orders", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(PAGE_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Unknown status")
	@ApiResponse(responseCode = "422", description = "Invalid page or size (1 to 100)")
	PagedModel<OrderResponse> list(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) OrderStatus status) {
		var pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
		return new PagedModel<>(orders.find(caller, status, pageable).map(OrderResponse::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Show an order", description = "Visible to its customer and to staff only.")
	@ApiResponse(responseCode = "200", description = "The order", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(ORDER_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "The id is not a UUID")
	@ApiResponse(responseCode = "404", description = "No such order, or not yours")
	OrderResponse show(Caller caller, @PathVariable UUID id) {
		return OrderResponse.of(orders.find(id, caller));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel an order",
			description = "A PLACED or RESERVED order is cancelled at once (200): reserved stock is released and a "
					+ "payment under way refunded. A PAID order's parcel may be leaving right now, so its cancellation "
					+ "is a request to shipping (202): the order stays PAID with cancellationRequest PENDING until "
					+ "shipping answers. If the parcel has not left, the shipment is cancelled, then the order becomes "
					+ "CANCELLED, the payment is refunded and the stock released (cancellationRequest ACCEPTED); if it "
					+ "has, the order stands (cancellationRequest REFUSED) and the customer is notified. Asking again "
					+ "while the request is pending answers 202 with the same order. An order known to have shipped "
					+ "answers 409 order-already-shipped; an order that is already CANCELLED answers 409 "
					+ "order-not-cancellable (cancelling twice is not silently accepted).")
	@ApiResponse(responseCode = "200", description = "The cancelled order", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(CANCELLED_ORDER_EXAMPLE)))
	@ApiResponse(responseCode = "202",
			description = "A paid order whose cancellation waits for shipping's answer (cancellationRequest PENDING)",
			useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(CANCELLATION_PENDING_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such order, or not yours")
	@ApiResponse(responseCode = "409",
			description = "order-already-shipped: the parcel has left; order-not-cancellable: already cancelled")
	ResponseEntity<OrderResponse> cancel(Caller caller, @PathVariable UUID id) {
		var order = orders.cancel(id, caller);
		return (order.isCancellationPending() ? ResponseEntity.accepted() : ResponseEntity.ok())
			.body(OrderResponse.of(order));
	}

	/**
	 * What a customer orders: up to 100 lines of distinct SKUs.
	 */
	record PlaceOrder(@NotEmpty @Size(max = Order.MAX_LINES) List<@NotNull @Valid Line> lines,
			@NotNull @Valid Address shippingAddress, @NotBlank @Size(max = 255) String paymentToken) {

		record Line(@NotBlank @Size(max = 64) String sku,
				@NotNull @Min(1) @Max(OrderLine.MAX_QUANTITY) Integer quantity) {
		}

	}

	/**
	 * An order as the API shows it; never carries the payment token.
	 */
	record OrderResponse(UUID id, UUID customerId, OrderStatus status, List<Line> lines, Money total,
			Address shippingAddress, String trackingNumber, CancellationReason cancellationReason,
			@Schema(description = "A customer's request to cancel the paid order: PENDING until shipping answers, "
					+ "ACCEPTED (the order is CANCELLED) or REFUSED (the parcel had left); absent when none was made") CancellationRequest cancellationRequest,
			Instant cancellationRequestedAt, Instant createdAt, Instant updatedAt) {

		static OrderResponse of(Order order) {
			var lines = order.lines()
				.stream()
				.map(line -> new Line(line.sku(), line.name(), line.quantity(), line.unitPrice(), line.lineTotal()))
				.toList();
			return new OrderResponse(order.id(), order.customerId(), order.status(), lines, order.total(),
					order.shippingAddress(), order.trackingNumber(), order.cancellationReason(),
					order.cancellationRequest(), order.cancellationRequestedAt(), order.createdAt(), order.updatedAt());
		}

		// Named apart from PlaceOrder.Line, which would otherwise take its place in the
		// document.
		@Schema(name = "OrderResponseLine")
		record Line(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {
		}

	}

}
