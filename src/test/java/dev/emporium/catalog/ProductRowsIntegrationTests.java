package dev.emporium.catalog;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;

import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browse query's hand-written mapping reads a stored product as Spring Data JDBC's
 * mapping of the entity does, field for field, so that a column added to one is missed by
 * neither.
 */
@ApplicationModuleTest
class ProductRowsIntegrationTests {

	@Autowired
	CatalogManagement management;

	@Autowired
	Products products;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void mapsARowAsTheEntityMappingDoes() {
		management.add("ROWS-001", "Mug", "Stoneware, 350 ml.", Money.of("12.50", "EUR"));
		management.update("ROWS-001", "Big mug", "Stoneware, 500 ml.", Money.of("14.00", "EUR"));

		var mapped = jdbc.queryForObject("SELECT * FROM catalog.product WHERE sku = ?", new ProductRows(), "ROWS-001");

		var stored = products.findById("ROWS-001").orElseThrow();
		assertThat(mapped).usingRecursiveComparison().isEqualTo(stored);
		assertThat(mapped.isNew()).isFalse();
		assertThat(mapped.updatedAt()).isAfter(mapped.createdAt());
	}

	@Test
	void browsesThroughTheMapping() {
		management.add("ROWS-002", "Teapot", "", Money.of("30.00", "EUR"));

		var page = products.search("ROWS-002", 20, 0);

		assertThat(page).singleElement().satisfies(product -> {
			assertThat(product.name()).isEqualTo("Teapot");
			assertThat(product.price()).isEqualTo(Money.of("30.00", "EUR"));
		});
	}

}
