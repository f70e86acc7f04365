package dev.emporium.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server started when no
 * {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the server keeps its data between runs
 * @param ephemeral whether to use a fresh, throw-away data directory instead (tests)
 * @param port the port to listen on; 0 picks a free one
 */
@ConfigurationProperties("emporium.embedded-postgres")
record EmbeddedPostgresSettings(@DefaultValue("data/postgres") Path dataDirectory,
		@DefaultValue("false") boolean ephemeral, @DefaultValue("0") int port) {
}
