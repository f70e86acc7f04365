package dev.emporium.inventory;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.emporium.catalog.Catalog;
import dev.emporium.catalog.ProductSummary;
import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationModuleTest
@AutoConfigureMockMvc
class InventoryControllerTests {

	@MockitoBean
	Catalog catalog;

	private final MockMvc mvc;

	private final Stocks stocks;

	InventoryControllerTests(MockMvc mvc, Stocks stocks) {
		this.mvc = mvc;
		this.stocks = stocks;
	}

	@Test
	void showsStockToAnySignedInCaller() throws Exception {
		var sku = "SKU-" + UUID.randomUUID();
		stocks.createIfAbsent(sku, 7);

		mvc.perform(get("/api/v1/inventory/{sku}", sku).with(customer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sku").value(sku))
			.andExpect(jsonPath("$.onHand").value(7))
			.andExpect(jsonPath("$.reserved").value(0))
			.andExpect(jsonPath("$.available").value(7));
	}

	@Test
	void answersStockNotFoundForAnUnstockedSku() throws Exception {
		mvc.perform(get("/api/v1/inventory/{sku}", "NONE-" + UUID.randomUUID()).with(customer()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/stock-not-found"));
	}

	@Test
	void requiresATokenToShowStock() throws Exception {
		mvc.perform(get("/api/v1/inventory/{sku}", "MUG-001")).andExpect(status().isUnauthorized());
	}

	@Test
	void staffRestockCreatesThenAddsToStock() throws Exception {
		var sku = inCatalog("SKU-" + UUID.randomUUID());

		restock(sku, 5).andExpect(status().isOk())
			.andExpect(jsonPath("$.sku").value(sku))
			.andExpect(jsonPath("$.onHand").value(5))
			.andExpect(jsonPath("$.available").value(5));
		restock(sku, 3).andExpect(status().isOk()).andExpect(jsonPath("$.onHand").value(8));

		assertThat(stocks.findById(sku)).hasValueSatisfying(stock -> assertThat(stock.onHand()).isEqualTo(8));
	}

	@Test
	void refusesToRestockAProductTheCatalogDoesNotKnow() throws Exception {
		var sku = "NONE-" + UUID.randomUUID();

		restock(sku, 5).andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/product-not-found"));

		assertThat(stocks.findById(sku)).isEmpty();
	}

	@Test
	void forbidsCustomersToRestock() throws Exception {
		var sku = inCatalog("SKU-" + UUID.randomUUID());

		mvc.perform(post("/api/v1/inventory/{sku}/restock", sku).with(customer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"quantity\": 5}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

		assertThat(stocks.findById(sku)).isEmpty();
	}

	@Test
	void rejectsMissingNonPositiveAndHugeQuantities() throws Exception {
		var sku = inCatalog("SKU-" + UUID.randomUUID());

		for (var body : new String[] { "{}", "{\"quantity\": 0}", "{\"quantity\": -2}", "{\"quantity\": 1000001}" }) {
			mvc.perform(post("/api/v1/inventory/{sku}/restock", sku).with(staff())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/validation-failed"));
		}
		assertThat(stocks.findById(sku)).isEmpty();
	}

	private org.springframework.test.web.servlet.ResultActions restock(String sku, int quantity) throws Exception {
		return mvc.perform(post("/api/v1/inventory/{sku}/restock", sku).with(staff())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"quantity\": %d}".formatted(quantity)));
	}

	private String inCatalog(String sku) {
		given(catalog.findProduct(sku))
			.willReturn(Optional.of(new ProductSummary(sku, "A product", Money.of("1.00", "EUR"))));
		return sku;
	}

	private static RequestPostProcessor customer() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()));
	}

	private static RequestPostProcessor staff() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_STAFF"));
	}

}
