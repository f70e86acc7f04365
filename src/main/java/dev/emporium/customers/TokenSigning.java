package dev.emporium.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The keys of the access tokens customers issues (a file when one is configured, else
 * customers' schema), the encoder that signs with the newest, and the key source that
 * verifies them in this process; {@link TokenKeyController} publishes it for every other.
 */
@Configuration(proxyBeanMethods = false)
class TokenSigning {

	@Bean
	TokenKeys tokenKeys(TokenSettings settings, JdbcClient jdbc, PlatformTransactionManager transactions) {
		return settings.signingKeyFile()
			.<TokenKeys>map(SigningKeyFile::new)
			.orElseGet(() -> new SigningKeys(jdbc, transactions, settings.timeToLive(), Clock.systemUTC()));
	}

	/**
	 * Fills in the issuer, issue and expiry times, so that {@link AccessTokens} only says
	 * whom a token is for; the header names the key.
	 */
	@Bean
	JwtEncoder jwtEncoder(TokenKeys keys, TokenSettings settings) {
		var signer = new NimbusJwtEncoder((selector, context) -> List.of(keys.signing()));
		return parameters -> {
			var now = Instant.now();
			var claims = JwtClaimsSet.from(parameters.getClaims())
				.issuer(settings.issuer())
				.issuedAt(now)
				.expiresAt(now.plus(settings.timeToLive()))
				.build();
			return signer.encode(JwtEncoderParameters.from(claims));
		};
	}

	/** The public keys that verify tokens here, read again for a key not seen yet. */
	@Bean
	JWKSource<SecurityContext> tokenVerificationKeys(TokenKeys keys) {
		return (selector, context) -> {
			var found = selector.select(publicSet(keys.verifying()));
			return found.isEmpty() ? selector.select(publicSet(keys.refreshed())) : found;
		};
	}

	static JWKSet publicSet(List<RSAKey> keys) {
		return new JWKSet(keys.stream().<JWK>map(RSAKey::toPublicJWK).toList());
	}

}
