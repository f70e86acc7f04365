package dev.emporium.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	private final AtomicInteger verifications = new AtomicInteger();

	@Test
	void verifiesEachTokenOnce() {
		var tokens = new VerifiedTokens(verifierIssuing(NOW.plusSeconds(3600)), 10, Clock.fixed(NOW, ZoneOffset.UTC));

		var first = tokens.decode("token-a");
		var second = tokens.decode("token-a");
		tokens.decode("token-b");

		assertThat(second).isSameAs(first);
		assertThat(verifications).hasValue(2);
	}

	@Test
	void refusesARememberedTokenOnceItHasExpired() {
		var now = new AtomicReference<>(NOW);
		var clock = new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}

		};
		var tokens = new VerifiedTokens(verifierIssuing(NOW.plusSeconds(30)), 10, clock);
		tokens.decode("token-a");

		now.set(NOW.plusSeconds(30 + 59));
		assertThat(tokens.decode("token-a")).as("within the allowed clock skew").isNotNull();

		now.set(NOW.plusSeconds(30 + 61));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode("token-a"))
			.withMessageContaining("expired");
		assertThat(verifications).hasValue(1);
	}

	@Test
	void doesNotRememberTokensThatFailVerification() {
		JwtDecoder refusing = token -> {
			verifications.incrementAndGet();
			throw new BadJwtException("bad signature");
		};
		var tokens = new VerifiedTokens(refusing, 10, Clock.fixed(NOW, ZoneOffset.UTC));

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged"));
		assertThat(verifications).hasValue(2);
	}

	private JwtDecoder verifierIssuing(Instant expiry) {
		return token -> {
			verifications.incrementAndGet();
			return jwt(expiry);
		};
	}

	private static Jwt jwt(Instant expiry) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("someone")
			.issuedAt(NOW.minusSeconds(60))
			.expiresAt(expiry)
			.build();
	}

}
