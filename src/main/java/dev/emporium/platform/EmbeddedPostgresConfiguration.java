package dev.emporium.platform;

import java.io.IOException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL server from the embedded binaries when no external database is
 * configured, so that the API runs with nothing installed but a JDK.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatabaseConfigured.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresSettings settings) throws IOException {
		// The context stops the server after everything that uses the database (a bean's
		// destroy method): a
		// launcher shutdown hook of its own would stop it while requests and event
		// listeners are still finishing.
		var builder = EmbeddedPostgres.builder()
			.setPGStartupWait(Duration.ofSeconds(60))
			.setPort(settings.port())
			.setRegisterShutdownHook(false);
		if (!settings.ephemeral()) {
			var dataDirectory = settings.dataDirectory().toAbsolutePath();
			new LeftoverPostgres(dataDirectory).clear();
			// The launcher's defaults (-F, synchronous_commit=off) trade durability for
			// test speed: a killed server
			// could lose commits it had acknowledged. Data kept between runs is flushed
			// like any production server's.
			builder.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on");
		}
		var postgres = builder.start();
		log.info("Embedded PostgreSQL listening on port {} with data in {}", postgres.getPort(),
				settings.ephemeral() ? "a temporary directory" : settings.dataDirectory().toAbsolutePath());
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.build();
	}

	/**
	 * Matches when the environment names no database of its own.
	 */
	static class NoDatabaseConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("spring.datasource.url");
		}

	}

}
