package dev.emporium.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import dev.emporium.shared.Money;

/**
 * Fills an empty catalog with the demo products when demo mode is on, before the
 * application reports itself ready.
 */
@Component
@ConditionalOnBooleanProperty("emporium.demo.enabled")
class DemoCatalog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private final CatalogManagement catalog;

	private final Resource products;

	DemoCatalog(CatalogManagement catalog, @Value("classpath:demo/catalog.csv") Resource products) {
		this.catalog = catalog;
		this.products = products;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!catalog.isEmpty()) {
			return;
		}
		var added = 0;
		try (var reader = new BufferedReader(
				new InputStreamReader(products.getInputStream(), StandardCharsets.UTF_8))) {
			// Columns: sku,name,description,price,currency,stock; the stock is
			// inventory's.
			var lines = reader.lines().skip(1).filter(line -> !line.isBlank()).toList();
			for (var line : lines) {
				var columns = line.split(",", -1);
				if (columns.length != 6) {
					throw new IllegalStateException("Expected 6 columns in demo catalog line: " + line);
				}
				try {
					catalog.add(columns[0], columns[1], columns[2],
							new Money(new BigDecimal(columns[3]), columns[4].strip()));
					added++;
				}
				catch (DuplicateSkuException ex) {
					// Another instance is seeding the same catalog.
				}
			}
		}
		log.info("Added {} demo products to the empty catalog", added);
	}

}
