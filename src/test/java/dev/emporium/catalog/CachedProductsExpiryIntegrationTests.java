package dev.emporium.catalog;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.emporium.shared.Money;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A change made on another instance reaches this instance's product reads once the
 * cache's time-to-live has passed.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "emporium.catalog.cache.time-to-live=1s")
class CachedProductsExpiryIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogManagement management;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void answersTheCachedProductUntilItsTimeToLivePassesThenTheStoredOne() throws Exception {
		var sku = "TTL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		management.add(sku, "Mug", "", Money.of("12.50", "EUR"));
		mvc.perform(get("/api/v1/products/" + sku)).andExpect(jsonPath("$.name").value("Mug"));

		jdbc.update("UPDATE catalog.product SET name = 'Renamed elsewhere', version = version + 1 WHERE sku = ?", sku);

		mvc.perform(get("/api/v1/products/" + sku)).andExpect(jsonPath("$.name").value("Mug"));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> mvc.perform(get("/api/v1/products/" + sku))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("Renamed elsewhere")));
	}

}
