package dev.emporium.inventory;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.emporium.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationModuleTest
@TestPropertySource(properties = "emporium.demo.enabled=true")
class InventoryDemoDataTests {

	@MockitoBean
	Catalog catalog;

	private final Stocks stocks;

	private final InventoryDemoData demoData;

	InventoryDemoDataTests(Stocks stocks, InventoryDemoData demoData) {
		this.stocks = stocks;
		this.demoData = demoData;
	}

	@Test
	void stocksTheDemoCatalogOnceAndLeavesExistingStockAlone() throws Exception {
		assertThat(stocks.count()).isEqualTo(8);
		var mug = stocks.findById("MUG-001").orElseThrow();
		assertThat(mug.onHand()).isEqualTo(100);
		assertThat(mug.reserved()).isZero();
		assertThat(stocks.findById("LAMP-001").orElseThrow().onHand()).isEqualTo(10);

		mug.reserve(30);
		stocks.save(mug);
		demoData.run(null);

		assertThat(stocks.findById("MUG-001").orElseThrow().reserved()).isEqualTo(30);
		assertThat(stocks.count()).isEqualTo(8);
	}

}
