package dev.emporium.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.RowMapper;

import dev.emporium.shared.Money;

/**
 * Maps a row of {@code catalog.product} to its {@link Product} by hand, for the browse
 * query that reads up to a page of them a request: Spring Data JDBC's own mapping of 20
 * rows was some 40% of a page read's CPU (docs/architecture.md, "Data").
 * {@code ProductRowsIntegrationTests} keeps it in step with the entity's mapping.
 */
class ProductRows implements RowMapper<Product> {

	@Override
	public Product mapRow(ResultSet row, int rowNumber) throws SQLException {
		return new Product(row.getString("sku"), row.getString("name"), row.getString("description"),
				new Money(row.getBigDecimal("price_amount"), row.getString("price_currency")),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
	}

}
