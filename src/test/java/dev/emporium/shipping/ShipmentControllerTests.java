package dev.emporium.shipping;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.emporium.shared.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationModuleTest
@AutoConfigureMockMvc
class ShipmentControllerTests {

	private static final String PROBLEMS = "https://emporium.dev/problems/";

	private final MockMvc mvc;

	private final ShipmentManagement shipping;

	private final Shipments shipments;

	ShipmentControllerTests(MockMvc mvc, ShipmentManagement shipping, Shipments shipments) {
		this.mvc = mvc;
		this.shipping = shipping;
		this.shipments = shipments;
	}

	@Test
	void customerSeesTheirOwnShipment() throws Exception {
		var customerId = UUID.randomUUID();
		var shipment = requested(customerId);

		mvc.perform(get("/api/v1/shipments/{id}", shipment.id()).with(customer(customerId)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(shipment.id().toString()))
			.andExpect(jsonPath("$.orderId").value(shipment.orderId().toString()))
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.address.city").value("London"));
		mvc.perform(get("/api/v1/shipments").param("orderId", shipment.orderId().toString()).with(customer(customerId)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(shipment.id().toString()))
			.andExpect(jsonPath("$[0].status").value("PENDING"));
	}

	@Test
	void otherCustomersSeeNoShipment() throws Exception {
		var shipment = requested(UUID.randomUUID());
		var stranger = customer(UUID.randomUUID());

		mvc.perform(get("/api/v1/shipments/{id}", shipment.id()).with(stranger))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "shipment-not-found"));
		mvc.perform(get("/api/v1/shipments").param("orderId", shipment.orderId().toString()).with(stranger))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void staffSeeAnyShipment() throws Exception {
		var shipment = requested(UUID.randomUUID());

		mvc.perform(get("/api/v1/shipments/{id}", shipment.id()).with(staff())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/shipments").param("orderId", shipment.orderId().toString()).with(staff()))
			.andExpect(jsonPath("$", hasSize(1)));
	}

	@Test
	void anonymousCallersAreUnauthorized() throws Exception {
		var shipment = requested(UUID.randomUUID());

		mvc.perform(get("/api/v1/shipments/{id}", shipment.id())).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/shipments").param("orderId", shipment.orderId().toString()))
			.andExpect(status().isUnauthorized());
		dispatch(shipment.id(), "1Z999", null).andExpect(status().isUnauthorized());
	}

	@Test
	void staffDispatchAndDeliverAShipment() throws Exception {
		var shipment = requested(UUID.randomUUID());

		dispatch(shipment.id(), "1Z999", staff()).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISPATCHED"))
			.andExpect(jsonPath("$.trackingNumber").value("1Z999"));
		mvc.perform(post("/api/v1/shipments/{id}/deliver", shipment.id()).with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DELIVERED"))
			.andExpect(jsonPath("$.deliveredAt").exists());
	}

	@Test
	void customersMayNotDispatchOrDeliver() throws Exception {
		var customerId = UUID.randomUUID();
		var shipment = requested(customerId);

		dispatch(shipment.id(), "1Z999", customer(customerId)).andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/shipments/{id}/deliver", shipment.id()).with(customer(customerId)))
			.andExpect(status().isForbidden());

		assertThat(shipments.findById(shipment.id()).orElseThrow().status()).isEqualTo(ShipmentStatus.PENDING);
	}

	@Test
	void answersConflictForInvalidTransitions() throws Exception {
		var shipment = requested(UUID.randomUUID());

		mvc.perform(post("/api/v1/shipments/{id}/deliver", shipment.id()).with(staff()))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-shipment-state"));
		dispatch(shipment.id(), "1Z999", staff()).andExpect(status().isOk());
		dispatch(shipment.id(), "OTHER", staff()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-shipment-state"));
	}

	@Test
	void refusesToDispatchACancelledShipment() throws Exception {
		var shipment = requested(UUID.randomUUID());
		shipping.cancel(shipment.orderId());

		dispatch(shipment.id(), "1Z999", staff()).andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "shipment-cancelled"))
			.andExpect(jsonPath("$.detail", containsString("cancelled at the customer's request")));
		assertThat(shipping.shipment(shipment.id(), new Caller(UUID.randomUUID(), true)).status())
			.isEqualTo(ShipmentStatus.CANCELLED);
	}

	@Test
	void rejectsBlankOrOverlongTrackingNumbers() throws Exception {
		var shipment = requested(UUID.randomUUID());

		for (var trackingNumber : new String[] { "", "   ", "X".repeat(65) }) {
			dispatch(shipment.id(), trackingNumber, staff()).andExpect(status().isUnprocessableContent())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"));
		}
		assertThat(shipments.findById(shipment.id()).orElseThrow().status()).isEqualTo(ShipmentStatus.PENDING);
	}

	@Test
	void answersShipmentNotFoundForAnUnknownId() throws Exception {
		dispatch(UUID.randomUUID(), "1Z999", staff()).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "shipment-not-found"));
		mvc.perform(post("/api/v1/shipments/{id}/deliver", UUID.randomUUID()).with(staff()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "shipment-not-found"));
	}

	private Shipment requested(UUID customerId) {
		var orderId = UUID.randomUUID();
		shipping.request(new ShipmentRequested(orderId, customerId, ShipmentTests.ADDRESS));
		return shipments.findByOrderId(orderId).orElseThrow();
	}

	private ResultActions dispatch(UUID shipmentId, String trackingNumber, RequestPostProcessor caller)
			throws Exception {
		var request = post("/api/v1/shipments/{id}/dispatch", shipmentId).contentType(MediaType.APPLICATION_JSON)
			.content("{\"trackingNumber\": \"%s\"}".formatted(trackingNumber));
		return mvc.perform(caller == null ? request : request.with(caller));
	}

	private static RequestPostProcessor customer(UUID customerId) {
		return jwt().jwt(token -> token.subject(customerId.toString()));
	}

	private static RequestPostProcessor staff() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_STAFF"));
	}

}
