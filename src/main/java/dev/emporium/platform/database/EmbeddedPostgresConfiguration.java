package dev.emporium.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL server from the embedded binaries when no external database is
 * configured, so that the API runs with nothing installed but a JDK.
 * {@link EmbeddedPostgresStartup} has usually started it already, in the background, when
 * the context was created.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatabaseConfigured.class)
class EmbeddedPostgresConfiguration {

	/** Where this context started without {@link EmbeddedPostgresStartup}. */
	@Bean
	@ConditionalOnMissingBean
	StartingPostgres startingPostgres(EmbeddedPostgresSettings settings) {
		return StartingPostgres.start(settings);
	}

	/**
	 * The server, once started. Stopped by {@link StartingPostgres#close()}, which the
	 * context calls after closing everything that depends on this bean.
	 */
	@Bean(destroyMethod = "")
	EmbeddedPostgres embeddedPostgres(StartingPostgres server) {
		return server.get();
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

	static boolean isWanted(Environment environment) {
		return !environment.containsProperty("spring.datasource.url");
	}

	/**
	 * Matches when the environment names no database of its own.
	 */
	static class NoDatabaseConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isWanted(context.getEnvironment());
		}

	}

}
