package dev.emporium.payments;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.emporium.shared.Caller;
import dev.emporium.shared.Money;

/**
 * The payments API: what was charged and refunded for an order.
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments",
		description = "Charges and refunds of orders, made through the payment gateway "
				+ "(built in: a sandbox that behaves like a real provider's test mode; tok_visa and tok_mastercard "
				+ "are approved, tok_declined and tok_insufficient_funds are declined)")
class PaymentController {

	private static final String PAYMENTS_EXAMPLE = """
			[{"id": "0b6f1c52-3c1e-4f7e-9a51-2f1d8c5e7a10", "orderId": "5f0c2a9e-8d4b-4c61-b7f3-0e2a6d9c1b44",
			  "status": "COMPLETED", "amount": {"amount": "37.00", "currency": "EUR"}}]""";

	private final PaymentManagement payments;

	PaymentController(PaymentManagement payments) {
		this.payments = payments;
	}

	@GetMapping
	@Operation(summary = "List the payments of an order",
			description = "An order has at most one payment. Customers see only their own orders' payments "
					+ "(an empty list otherwise); staff see every payment. Card tokens are never returned.")
	@ApiResponse(responseCode = "200", description = "The order's payment, or an empty list",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = PaymentView.class)),
					examples = @ExampleObject(value = PAYMENTS_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "orderId is missing or not a UUID")
	List<PaymentView> payments(@Parameter(description = "The order's id") @RequestParam UUID orderId, Caller caller) {
		return payments.paymentsFor(orderId, caller).stream().map(PaymentView::of).toList();
	}

	/**
	 * A payment as the API shows it; {@code declineReason} only for declined payments.
	 */
	record PaymentView(UUID id, UUID orderId, PaymentStatus status, Money amount, String declineReason) {

		static PaymentView of(Payment payment) {
			return new PaymentView(payment.id(), payment.orderId(), payment.status(), payment.amount(),
					payment.declineReason());
		}

	}

}
