package dev.emporium.catalog;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationModuleTest
@TestPropertySource(properties = "emporium.demo.enabled=true")
class DemoCatalogTests {

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogManagement management;

	@Autowired
	DemoCatalog demo;

	@Test
	void loadsDemoProductsAtStartup() {
		assertThat(catalog.findProduct("MUG-001")).hasValueSatisfying(product -> {
			assertThat(product.name()).isEqualTo("Emporium mug");
			assertThat(product.price()).isEqualTo(Money.of("12.50", "EUR"));
		});
		assertThat(management.browse(null, PageRequest.of(0, 100)).getTotalElements()).isEqualTo(8);
	}

	@Test
	void leavesNonEmptyCatalogAlone() throws Exception {
		management.update("TEE-001", "Renamed T-shirt", "", Money.of("25.00", "EUR"));

		demo.run(new DefaultApplicationArguments());

		assertThat(management.product("TEE-001").name()).isEqualTo("Renamed T-shirt");
		assertThat(management.browse(null, PageRequest.of(0, 100)).getTotalElements()).isEqualTo(8);
	}

}
