package dev.emporium.catalog;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import dev.emporium.shared.Money;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationModuleTest
@AutoConfigureMockMvc
class ProductControllerTests {

	private static final String TYPE = "https://emporium.dev/problems/";

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogManagement management;

	@Test
	void showsProductToAnonymousCallers() throws Exception {
		management.add("SHOW-001", "Mug", "Stoneware", Money.of("12.5", "EUR"));

		mvc.perform(get("/api/v1/products/SHOW-001"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sku").value("SHOW-001"))
			.andExpect(jsonPath("$.name").value("Mug"))
			.andExpect(jsonPath("$.description").value("Stoneware"))
			.andExpect(jsonPath("$.price.amount").value("12.50"))
			.andExpect(jsonPath("$.price.currency").value("EUR"));
	}

	@Test
	void answersUnknownSkuWithNotFoundProblem() throws Exception {
		mvc.perform(get("/api/v1/products/NOPE-404"))
			.andExpect(status().isNotFound())
			.andExpect(problem("product-not-found"));
	}

	@Test
	void browsesFilteredProductsAsPagedModel() throws Exception {
		management.add("PAGE-001", "Teapot", "", Money.of("20", "EUR"));
		management.add("PAGE-002", "Tea towel", "", Money.of("5", "EUR"));
		management.add("PAGE-003", "Teaspoon", "", Money.of("2", "EUR"));

		mvc.perform(get("/api/v1/products").param("q", "TEA").param("page", "1").param("size", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.content[0].sku").value("PAGE-003"))
			.andExpect(jsonPath("$.page.size").value(2))
			.andExpect(jsonPath("$.page.number").value(1))
			.andExpect(jsonPath("$.page.totalElements").value(3))
			.andExpect(jsonPath("$.page.totalPages").value(2));
	}

	@Test
	void rejectsPagesLargerThanOneHundred() throws Exception {
		mvc.perform(get("/api/v1/products").param("size", "101"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(problem("validation-failed"));
		mvc.perform(get("/api/v1/products").param("page", "-1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(problem("validation-failed"));
	}

	@Test
	void letsStaffAddProduct() throws Exception {
		mvc.perform(post("/api/v1/products").with(staff())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"sku":"ADD-001","name":"Mug","description":"Stoneware","price":{"amount":"12.50","currency":"EUR"}}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/products/ADD-001"))
			.andExpect(jsonPath("$.sku").value("ADD-001"))
			.andExpect(jsonPath("$.price.amount").value("12.50"));

		mvc.perform(get("/api/v1/products/ADD-001")).andExpect(status().isOk());
	}

	@Test
	void rejectsDuplicateSkuWithConflictProblem() throws Exception {
		management.add("TAKEN-001", "Mug", "", Money.of("1", "EUR"));

		mvc.perform(post("/api/v1/products").with(staff()).contentType(MediaType.APPLICATION_JSON).content("""
				{"sku":"TAKEN-001","name":"Mug","description":"","price":{"amount":"2.00","currency":"EUR"}}"""))
			.andExpect(status().isConflict())
			.andExpect(problem("duplicate-sku"));
	}

	@Test
	void rejectsInvalidProductsWithValidationProblems() throws Exception {
		for (var body : new String[] { """
				{"sku":"bad sku","name":"Mug","price":{"amount":"2.00","currency":"EUR"}}""", """
				{"sku":"OK-001","name":"","price":{"amount":"2.00","currency":"EUR"}}""", """
				{"sku":"OK-001","name":"Mug"}""", """
				{"sku":"OK-001","name":"Mug","price":{"amount":"0.00","currency":"EUR"}}""", """
				{"sku":"OK-001","name":"Mug","price":{"amount":"2.00","currency":"XXY"}}""" }) {
			mvc.perform(post("/api/v1/products").with(staff()).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isUnprocessableContent())
				.andExpect(problem("validation-failed"));
		}
		mvc.perform(get("/api/v1/products/OK-001")).andExpect(status().isNotFound());
	}

	@Test
	void rejectsMalformedJsonWithBadRequestProblem() throws Exception {
		mvc.perform(post("/api/v1/products").with(staff()).contentType(MediaType.APPLICATION_JSON).content("{\"sku\":"))
			.andExpect(status().isBadRequest())
			.andExpect(problem("malformed-request"));
	}

	@Test
	void letsStaffUpdateProduct() throws Exception {
		management.add("EDIT-001", "Mug", "", Money.of("1", "EUR"));

		mvc.perform(put("/api/v1/products/EDIT-001").with(staff()).contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Big mug","description":"Bigger","price":{"amount":"3.00","currency":"EUR"}}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Big mug"))
			.andExpect(jsonPath("$.price.amount").value("3.00"));
	}

	@Test
	void answersUpdateOfUnknownProductWithNotFoundProblem() throws Exception {
		mvc.perform(put("/api/v1/products/NOPE-001").with(staff()).contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Mug","description":"","price":{"amount":"3.00","currency":"EUR"}}"""))
			.andExpect(status().isNotFound())
			.andExpect(problem("product-not-found"));
	}

	@Test
	void forbidsCustomersToChangeTheCatalog() throws Exception {
		var body = """
				{"sku":"CUST-001","name":"Mug","price":{"amount":"2.00","currency":"EUR"}}""";

		mvc.perform(post("/api/v1/products").with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString())))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden()).andExpect(problem("forbidden"));
		mvc.perform(
				put("/api/v1/products/CUST-001").with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString())))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
			.andExpect(status().isForbidden())
			.andExpect(problem("forbidden"));
		mvc.perform(get("/api/v1/products/CUST-001")).andExpect(status().isNotFound());
	}

	@Test
	void requiresTokenToChangeTheCatalog() throws Exception {
		mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON).content("""
				{"sku":"ANON-001","name":"Mug","price":{"amount":"2.00","currency":"EUR"}}"""))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"))
			.andExpect(problem("unauthorized"));
	}

	private static JwtRequestPostProcessor staff() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_STAFF"));
	}

	private static ResultMatcher problem(String slug) {
		return result -> {
			content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
			jsonPath("$.type").value(TYPE + slug).match(result);
		};
	}

}
