package dev.emporium.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.ConcurrentLruCache;

/**
 * Remembers the tokens it has verified, by their exact string, so that the RSA signature
 * check runs once per token rather than per request (docs/architecture.md, "Security"); a
 * remembered token is still refused once it expires, and a failed one is not remembered.
 */
final class VerifiedTokens implements JwtDecoder {

	/** The clock skew Spring Security's own timestamp validation allows. */
	private static final Duration SKEW = Duration.ofSeconds(60);

	private final ConcurrentLruCache<String, Jwt> verified;

	private final Clock clock;

	VerifiedTokens(JwtDecoder verifier, int capacity, Clock clock) {
		this.verified = new ConcurrentLruCache<>(capacity, verifier::decode);
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		var jwt = verified.get(token);
		if (jwt.getExpiresAt() != null && clock.instant().minus(SKEW).isAfter(jwt.getExpiresAt())) {
			verified.remove(token);
			throw new JwtValidationException("Jwt expired at " + jwt.getExpiresAt(), List
				.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "Jwt expired at " + jwt.getExpiresAt(), null)));
		}
		return jwt;
	}

}
