package dev.emporium.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rate limits' beans: buckets and failures in the platform's schema, the interceptor
 * on every operation, and the cleanup.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RateLimitConfiguration {

	@Bean
	Buckets rateLimitBuckets(DataSource dataSource) {
		return new Buckets(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("platform.rate_limit_bucket")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build());
	}

	@Bean
	FailedAttempts failedAttempts(DataSource dataSource) {
		return new FailedAttempts(JdbcClient.create(dataSource), Clock.systemUTC());
	}

	@Bean
	RateLimits rateLimits(RateLimitSettings settings, Buckets buckets, FailedAttempts failures) {
		return new RateLimits(settings, new ClientAddresses(settings.trustedProxies()), buckets, failures,
				Clock.systemUTC());
	}

	@Bean
	RateLimitCleanup rateLimitCleanup(RateLimitSettings settings, Buckets buckets, FailedAttempts failures) {
		return new RateLimitCleanup(settings, buckets, failures, Clock.systemUTC());
	}

	@Bean
	WebMvcConfigurer rateLimitInterceptor(RateLimits limits) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new RateLimitInterceptor(limits));
			}

		};
	}

}
