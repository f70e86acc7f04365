package dev.emporium.notifications;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.emporium.shared.Caller;

/**
 * The notifications API: what customers were told about their orders.
 */
@RestController
@Tag(name = "Notifications", description = "The e-mails customers get when an order is confirmed, cancelled (or "
		+ "could not be cancelled because it had shipped), shipped and delivered; recorded even when no mail server "
		+ "is configured")
class NotificationController {

	private static final String PAGE_EXAMPLE = """
			{"content": [{"id": "8e0d7c1a-4b1f-4c3e-9d2a-6f5e4d3c2b1a", "orderId": "5f0c2a9e-8d4b-4c61-b7f3-0e2a6d9c1b44",
			  "kind": "SHIPPED", "subject": "Your Emporium order 5f0c2a9e-8d4b-4c61-b7f3-0e2a6d9c1b44 is on its way",
			  "body": "Hello Ada,\\n\\ngood news: your order ... has left our warehouse.\\n\\nTracking number: TRK-123 ...",
			  "status": "SENT", "createdAt": "2026-01-31T10:15:30Z"}],
			 "page": {"size": 20, "number": 0, "totalElements": 1, "totalPages": 1}}""";

	private final NotificationManagement notifications;

	NotificationController(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/v1/customers/me/notifications")
	@Operation(summary = "List my notifications, newest first",
			description = "Every notification about the caller's orders, whether it was e-mailed (SENT), only "
					+ "recorded because no mail server is configured (RECORDED), or could not be sent (FAILED).")
	@ApiResponse(responseCode = "200", description = "A page of the caller's notifications", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(value = PAGE_EXAMPLE)))
	@ApiResponse(responseCode = "422", description = "page or size out of range")
	PagedModel<NotificationView> notifications(
			@Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(
					defaultValue = "20") @Min(1) @Max(100) int size,
			Caller caller) {
		return new PagedModel<>(
				notifications.notificationsOf(caller.customerId(), page, size).map(NotificationView::of));
	}

	/**
	 * A notification as its recipient reads it.
	 */
	record NotificationView(UUID id, UUID orderId, Notification.Kind kind, String subject, String body,
			NotificationStatus status, Instant createdAt) {

		static NotificationView of(Notification notification) {
			return new NotificationView(notification.id(), notification.orderId(), notification.kind(),
					notification.subject(), notification.body(), notification.status(), notification.createdAt());
		}

	}

}
