package dev.emporium.orders;

import java.util.Collection;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.emporium.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationModuleTest
@AutoConfigureMockMvc
class OrderControllerTests {

	static final String ADDRESS = """
			{"name":"Ada Lovelace","line1":"12 St James's Square","city":"London","postalCode":"SW1Y 4JH","country":"GB"}""";

	static final String TWO_MUGS = order("MUG-001", 2);

	static final String PROBLEM = "https://emporium.dev/problems/";

	@MockitoBean
	Catalog catalog;

	@Autowired
	MockMvc mvc;

	// @ApplicationModuleTest shares one test instance between the methods
	UUID customerId;

	@BeforeEach
	void catalogKnowsSomeProducts() {
		customerId = UUID.randomUUID();
		given(catalog.findProducts(anyCollection())).willAnswer(invocation -> {
			Collection<?> skus = invocation.getArgument(0);
			return OrderManagementIntegrationTests.PRODUCTS.stream()
				.filter(product -> skus.contains(product.sku()))
				.toList();
		});
	}

	@Test
	void placesAnOrderAndAnswersWhereToFindIt() throws Exception {
		place(TWO_MUGS, customer()).andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/orders/")))
			.andExpect(header().doesNotExist(OrderController.REPLAYED))
			.andExpect(jsonPath("$.customerId").value(customerId.toString()))
			.andExpect(jsonPath("$.status").value("PLACED"))
			.andExpect(jsonPath("$.lines[0].sku").value("MUG-001"))
			.andExpect(jsonPath("$.lines[0].name").value("Emporium mug"))
			.andExpect(jsonPath("$.lines[0].unitPrice.amount").value("12.50"))
			.andExpect(jsonPath("$.lines[0].lineTotal.amount").value("25.00"))
			.andExpect(jsonPath("$.total.amount").value("25.00"))
			.andExpect(jsonPath("$.total.currency").value("EUR"))
			.andExpect(jsonPath("$.shippingAddress.city").value("London"))
			.andExpect(jsonPath("$.shippingAddress.line2").doesNotExist())
			.andExpect(jsonPath("$.paymentToken").doesNotExist())
			.andExpect(jsonPath("$.trackingNumber").doesNotExist())
			.andExpect(jsonPath("$.cancellationReason").doesNotExist())
			.andExpect(jsonPath("$.createdAt").exists());
	}

	@Test
	void locationLeadsToTheOrder() throws Exception {
		var location = place(TWO_MUGS, customer()).andReturn().getResponse().getHeader("Location");

		mvc.perform(get(location).with(customer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(location.substring(location.lastIndexOf('/') + 1)));
	}

	@Test
	void rejectsAnUnknownSkuNamingIt() throws Exception {
		place(order("NOPE-1", 1), customer()).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "unknown-sku"))
			.andExpect(jsonPath("$.detail", containsString("NOPE-1")))
			.andExpect(jsonPath("$.skus[0]").value("NOPE-1"));
	}

	@Test
	void rejectsANonPositiveQuantity() throws Exception {
		place(order("MUG-001", 0), customer()).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "validation-failed"))
			.andExpect(jsonPath("$.errors[*].field", hasItem("lines[0].quantity")));
	}

	@Test
	void rejectsMissingAddressFields() throws Exception {
		var body = """
				{"lines":[{"sku":"MUG-001","quantity":1}],"shippingAddress":{"name":"Ada"},"paymentToken":"tok_visa"}""";

		place(body, customer()).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(PROBLEM + "validation-failed"))
			.andExpect(jsonPath("$.errors[*].field", hasItem("shippingAddress.line1")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("shippingAddress.city")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("shippingAddress.country")));
	}

	@Test
	void rejectsADuplicateSku() throws Exception {
		var body = """
				{"lines":[{"sku":"MUG-001","quantity":1},{"sku":"MUG-001","quantity":2}],
				 "shippingAddress":%s,"paymentToken":"tok_visa"}""".formatted(ADDRESS);

		place(body, customer()).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(PROBLEM + "duplicate-sku"));
	}

	@Test
	void rejectsProductsPricedInDifferentCurrencies() throws Exception {
		var body = """
				{"lines":[{"sku":"MUG-001","quantity":1},{"sku":"TEA-GBP","quantity":2}],
				 "shippingAddress":%s,"paymentToken":"tok_visa"}""".formatted(ADDRESS);

		place(body, customer()).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(PROBLEM + "mixed-currencies"));
	}

	@Test
	void rejectsMalformedJson() throws Exception {
		place("{\"lines\": [", customer()).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "malformed-request"));
	}

	@Test
	void requiresAnAccessToken() throws Exception {
		mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(TWO_MUGS))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value(PROBLEM + "unauthorized"));
		mvc.perform(get("/api/v1/orders")).andExpect(status().isUnauthorized());
	}

	@Test
	void countsOrdersByStatusForStaffOnly() throws Exception {
		var before = placedCount();

		place(TWO_MUGS, customer()).andExpect(status().isCreated());

		assertThat(placedCount()).isEqualTo(before + 1);
		mvc.perform(get("/api/v1/orders/counts").with(staff()))
			.andExpect(jsonPath("$.length()").value(OrderStatus.values().length))
			.andExpect(jsonPath("$.CANCELLED").isNumber());
		mvc.perform(get("/api/v1/orders/counts").with(customer()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/orders/counts"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private long placedCount() throws Exception {
		var body = mvc.perform(get("/api/v1/orders/counts").with(staff()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(body.replaceAll(".*\"PLACED\":(\\d+).*", "$1"));
	}

	@Test
	void hidesSomeoneElsesOrderButShowsItToStaff() throws Exception {
		var location = place(TWO_MUGS, customer()).andReturn().getResponse().getHeader("Location");

		mvc.perform(get(location).with(someoneElse()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "order-not-found"));
		mvc.perform(get(location).with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerId").value(customerId.toString()));
	}

	@Test
	void answersNotFoundForAnUnknownOrder() throws Exception {
		mvc.perform(get("/api/v1/orders/" + UUID.randomUUID()).with(staff()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEM + "order-not-found"));
	}

	@Test
	void rejectsAnOrderIdThatIsNoUuid() throws Exception {
		mvc.perform(get("/api/v1/orders/not-a-uuid").with(customer()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-parameter"));
		mvc.perform(get("/api/v1/orders?status=LOST").with(customer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-parameter"));
	}

	@Test
	void replaysARepeatedRequestWithTheSameIdempotencyKey() throws Exception {
		var first = place(TWO_MUGS, customer(), "retry-1").andExpect(status().isCreated()).andReturn().getResponse();

		place(TWO_MUGS, customer(), "retry-1").andExpect(status().isCreated())
			.andExpect(header().string("Location", first.getHeader("Location")))
			.andExpect(header().string(OrderController.REPLAYED, "true"))
			.andExpect(jsonPath("$.id").value(first.getHeader("Location").substring("/api/v1/orders/".length())));
		mvc.perform(get("/api/v1/orders").with(customer())).andExpect(jsonPath("$.page.totalElements").value(1));
	}

	@Test
	void rejectsAnIdempotencyKeyReusedForADifferentRequest() throws Exception {
		place(TWO_MUGS, customer(), "retry-2").andExpect(status().isCreated());

		place(order("MUG-001", 3), customer(), "retry-2").andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "idempotency-key-reused"));
	}

	@Test
	void rejectsAnIdempotencyKeyThatIsTooLongOrNotPrintable() throws Exception {
		place(TWO_MUGS, customer(), "k".repeat(256)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-idempotency-key"));
		place(TWO_MUGS, customer(), "").andExpect(status().isUnprocessableContent());
		place(TWO_MUGS, customer(), "tab\there").andExpect(status().isUnprocessableContent());
		place(TWO_MUGS, customer(), "k".repeat(255)).andExpect(status().isCreated());
	}

	@Test
	void listsTheCallersOwnOrdersNewestFirst() throws Exception {
		place(order("MUG-001", 1), customer());
		place(order("TEE-001", 1), customer());
		place(TWO_MUGS, someoneElse());

		mvc.perform(get("/api/v1/orders").with(customer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(2))
			.andExpect(jsonPath("$.page.size").value(20))
			.andExpect(jsonPath("$.content[0].lines[0].sku").value("TEE-001"))
			.andExpect(jsonPath("$.content[1].lines[0].sku").value("MUG-001"));
		mvc.perform(get("/api/v1/orders?status=CANCELLED").with(customer()))
			.andExpect(jsonPath("$.page.totalElements").value(0));
	}

	@Test
	void staffListsEverybodysOrders() throws Exception {
		place(TWO_MUGS, customer());

		mvc.perform(get("/api/v1/orders?size=1").with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].customerId").value(customerId.toString()))
			.andExpect(jsonPath("$.page.size").value(1));
	}

	@Test
	void rejectsPagesLargerThanAHundred() throws Exception {
		mvc.perform(get("/api/v1/orders?size=101").with(customer()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(PROBLEM + "validation-failed"));
	}

	@Test
	void cancelsAnOrderOnceThenAnswersConflict() throws Exception {
		var location = place(TWO_MUGS, customer()).andReturn().getResponse().getHeader("Location");

		mvc.perform(post(location + "/cancel").with(someoneElse())).andExpect(status().isNotFound());
		mvc.perform(post(location + "/cancel").with(customer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.cancellationReason").value("CUSTOMER_REQUEST"));
		mvc.perform(post(location + "/cancel").with(customer()))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "order-not-cancellable"));
	}

	@Test
	void documentsTheOrdersApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/orders'].post.summary").value("Place an order"))
			.andExpect(jsonPath("$.paths['/api/v1/orders/{id}/cancel'].post.description",
					containsString("409 order-not-cancellable")))
			.andExpect(jsonPath("$.paths['/api/v1/orders/{id}'].get.responses['404']").exists());
	}

	ResultActions place(String body, JwtRequestPostProcessor caller) throws Exception {
		return mvc.perform(post("/api/v1/orders").with(caller).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	ResultActions place(String body, JwtRequestPostProcessor caller, String idempotencyKey) throws Exception {
		return mvc.perform(post("/api/v1/orders").with(caller)
			.header(OrderController.IDEMPOTENCY_KEY, idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	JwtRequestPostProcessor customer() {
		return jwt().jwt(token -> token.subject(customerId.toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER"));
	}

	static JwtRequestPostProcessor someoneElse() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER"));
	}

	static JwtRequestPostProcessor staff() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_STAFF"));
	}

	static String order(String sku, int quantity) {
		return """
				{"lines":[{"sku":"%s","quantity":%d}],"shippingAddress":%s,"paymentToken":"tok_visa"}""".formatted(sku,
				quantity, ADDRESS);
	}

}
