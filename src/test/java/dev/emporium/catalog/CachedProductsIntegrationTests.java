package dev.emporium.catalog;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;

import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public product read and browse on real PostgreSQL: a hit touches no database, and a
 * change made through this instance evicts the cached product and pages once it commits,
 * never before. Rows are changed behind the application's back (as another instance
 * would) to tell a cached answer from a stored one.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
class CachedProductsIntegrationTests {

	private static final Money PRICE = Money.of("12.50", "EUR");

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogManagement management;

	@Autowired
	CachedProducts products;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	TransactionsBegun transactions;

	@ParameterizedTest
	@EnumSource
	void servesASecondReadFromTheCacheWithoutATransaction(PublicRead read) throws Exception {
		var sku = added("Mug");
		var beforeMiss = transactions.onThisThread();
		assertThat(nameRead(read, sku)).isEqualTo("Mug");
		assertThat(transactions.onThisThread()).as("transactions begun by a miss").isGreaterThan(beforeMiss);
		renameBehindTheApplicationsBack(sku, "Renamed elsewhere");

		var beforeHit = transactions.onThisThread();
		assertThat(nameRead(read, sku)).isEqualTo("Mug");

		assertThat(transactions.onThisThread()).as("transactions begun by a hit").isEqualTo(beforeHit);
	}

	@Test
	void showsAnUpdateThroughTheApiOnTheVeryNextRead() throws Exception {
		var sku = added("Mug");
		assertThat(nameRead(sku)).isEqualTo("Mug");

		mvc.perform(put("/api/v1/products/" + sku)
			.with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
				.authorities(new SimpleGrantedAuthority("ROLE_STAFF")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"Big mug","description":"","price":{"amount":"14.00","currency":"EUR"}}"""))
			.andExpect(status().isOk());

		mvc.perform(get("/api/v1/products/" + sku))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Big mug"))
			.andExpect(jsonPath("$.price.amount").value("14.00"));
	}

	@ParameterizedTest
	@EnumSource
	void keepsTheCachedAnswerWhenAnUpdateRollsBack(PublicRead read) throws Exception {
		var sku = added("Mug");
		assertThat(nameRead(read, sku)).isEqualTo("Mug");
		renameBehindTheApplicationsBack(sku, "Renamed elsewhere");

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			management.update(sku, "Rolled back", "", Money.of("99.00", "EUR"));
			status.setRollbackOnly();
		});

		assertThat(nameRead(read, sku)).as("cached").isEqualTo("Mug");
		assertThat(management.product(sku).name()).as("stored").isEqualTo("Renamed elsewhere");
	}

	@Test
	void cachesNoOldRowReadWhileAnUpdateIsUncommitted() throws Exception {
		var sku = added("Mug");
		assertThat(nameRead(sku)).isEqualTo("Mug");
		var otherRequests = Executors.newSingleThreadExecutor();
		try {
			new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
				management.update(sku, "Big mug", "", PRICE);

				var concurrentRead = otherRequests.submit(() -> products.product(sku).name());

				assertThat(concurrentRead).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("Mug");
			});
		}
		finally {
			otherRequests.shutdownNow();
		}

		assertThat(nameRead(sku)).isEqualTo("Big mug");
	}

	@Test
	void cachesNoUnknownSku() throws Exception {
		var sku = "NEW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		mvc.perform(get("/api/v1/products/" + sku))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/product-not-found"));

		management.add(sku, "Fresh", "", PRICE);

		assertThat(nameRead(sku)).isEqualTo("Fresh");
	}

	@Test
	void showsAddedAndChangedProductsOnTheVeryNextBrowse() throws Exception {
		var sku = "CACHE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		assertThat(namesBrowsed(sku)).isEmpty();

		management.add(sku, "Jug", "", PRICE);
		assertThat(namesBrowsed(sku)).containsExactly("Jug");

		management.update(sku, "Big jug", "", PRICE);
		assertThat(namesBrowsed(sku)).containsExactly("Big jug");
	}

	private String added(String name) {
		var sku = "CACHE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		management.add(sku, name, "", PRICE);
		return sku;
	}

	private String nameRead(String sku) throws Exception {
		return nameRead(PublicRead.PRODUCT, sku);
	}

	private String nameRead(PublicRead read, String sku) throws Exception {
		var body = mvc.perform(get(read.uri, sku)).andExpect(status().isOk()).andReturn().getResponse();
		return JsonPath.read(body.getContentAsString(), read.name);
	}

	private List<String> namesBrowsed(String text) throws Exception {
		var body = mvc.perform(get("/api/v1/products").param("q", text))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.content[*].name");
	}

	private void renameBehindTheApplicationsBack(String sku, String name) {
		assertThat(jdbc.update("UPDATE catalog.product SET name = ?, version = version + 1 WHERE sku = ?", name, sku))
			.isOne();
	}

	/** The catalog's two cached reads, and where each answers the product's name. */
	enum PublicRead {

		PRODUCT("/api/v1/products/{sku}", "$.name"), PAGE("/api/v1/products?q={sku}", "$.content[0].name");

		final String uri;

		final String name;

		PublicRead(String uri, String name) {
			this.uri = uri;
			this.name = name;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TransactionProbe {

		@Bean
		TransactionsBegun transactionsBegun() {
			return new TransactionsBegun();
		}

	}

	/**
	 * Counts the transactions begun on each thread (Spring Boot registers every
	 * {@link TransactionExecutionListener} bean with the transaction manager); a
	 * transaction borrows its connection when it begins.
	 */
	static class TransactionsBegun implements TransactionExecutionListener {

		private final ThreadLocal<AtomicInteger> begun = ThreadLocal.withInitial(AtomicInteger::new);

		@Override
		public void beforeBegin(TransactionExecution transaction) {
			begun.get().incrementAndGet();
		}

		int onThisThread() {
			return begun.get().get();
		}

	}

}
