package dev.emporium.platform;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

import dev.emporium.platform.EventPublicationAdmin.Count;
import dev.emporium.platform.EventPublicationAdmin.EventPublicationConflict;
import dev.emporium.platform.EventPublicationAdmin.EventPublicationNotFound;
import dev.emporium.platform.EventPublicationAdmin.FailedPublication;

/**
 * The actuator's view of the event publication registry
 * ({@code /actuator/eventpublications}, staff only): GET the counts and the failed
 * publications, POST {@code /{id}} to retry one, DELETE {@code /{id}} to discard it.
 */
@Component
@Endpoint(id = "eventpublications")
class EventPublicationsEndpoint {

	private final EventPublicationAdmin admin;

	EventPublicationsEndpoint(EventPublicationAdmin admin) {
		this.admin = admin;
	}

	@ReadOperation
	Registry registry() {
		return new Registry(admin.summary(), admin.failed(null, null));
	}

	@WriteOperation
	WebEndpointResponse<String> retry(@Selector String id) {
		return answer(() -> admin.retry(UUID.fromString(id)), "resubmitted", WebEndpointResponse.STATUS_OK);
	}

	@DeleteOperation
	WebEndpointResponse<String> discard(@Selector String id, SecurityContext security) {
		var who = security.getPrincipal() == null ? "unknown" : security.getPrincipal().getName();
		return answer(() -> admin.discard(UUID.fromString(id), "actuator user " + who), "discarded",
				WebEndpointResponse.STATUS_OK);
	}

	private static WebEndpointResponse<String> answer(Runnable operation, String done, int status) {
		try {
			operation.run();
			return new WebEndpointResponse<>(done, status);
		}
		catch (IllegalArgumentException ex) {
			return new WebEndpointResponse<>("not a publication id", WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		catch (EventPublicationNotFound ex) {
			return new WebEndpointResponse<>(ex.getMessage(), WebEndpointResponse.STATUS_NOT_FOUND);
		}
		catch (EventPublicationConflict ex) {
			return new WebEndpointResponse<>(ex.getMessage(), 409);
		}
	}

	/**
	 * The registry's counts and failed publications.
	 */
	record Registry(List<Count> counts, List<FailedPublication> failed) {
	}

}
