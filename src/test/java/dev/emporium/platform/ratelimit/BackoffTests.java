package dev.emporium.platform.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.emporium.platform.ratelimit.RateLimitSettings.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	final Backoff backoff = new Backoff(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

	@Test
	void letsTheFreeFailuresThroughThenDoublesUpToTheMaximum() {
		assertThat(backoff.after(5)).isZero();
		assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(2));
		assertThat(backoff.after(15)).isEqualTo(Duration.ofSeconds(512));
		assertThat(backoff.after(16)).isEqualTo(Duration.ofMinutes(15));
		assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
	}

}
