package dev.emporium.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stocks the demo catalog's SKUs when demo data is enabled and inventory is still empty.
 */
@Component
@ConditionalOnBooleanProperty("emporium.demo.enabled")
class InventoryDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InventoryDemoData.class);

	private final Stocks stocks;

	private final TransactionOperations transactions;

	private final Resource catalog;

	InventoryDemoData(Stocks stocks, TransactionOperations transactions,
			@Value("classpath:demo/catalog.csv") Resource catalog) {
		this.stocks = stocks;
		this.transactions = transactions;
		this.catalog = catalog;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (stocks.count() > 0) {
			return;
		}
		var rows = catalog.getContentAsString(StandardCharsets.UTF_8).lines().skip(1).filter(row -> !row.isBlank());
		var created = transactions.execute(status -> rows.map(row -> row.split(","))
			// The SKU is the first column and the stock the last, whatever the
			// description holds.
			.filter(columns -> stocks.createIfAbsent(columns[0].trim(),
					Integer.parseInt(columns[columns.length - 1].trim())))
			.map(columns -> columns[0])
			.toList());
		log.info("Stocked {} demo SKUs: {}", created.size(), created);
	}

}
