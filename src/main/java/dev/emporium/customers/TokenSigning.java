package dev.emporium.customers;

import java.time.Instant;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The key that signs the access tokens customers issues, and the encoder that signs them.
 * The key's public half verifies tokens in this process and is published by
 * {@link JwkSetController} for every other.
 */
@Configuration(proxyBeanMethods = false)
class TokenSigning {

	@Bean
	RSAKey tokenSigningKey(TokenSettings settings) {
		return new SigningKeyFile(settings.signingKey()).loadOrCreate();
	}

	/**
	 * Fills in the issuer, issue and expiry times, so that {@link AccessTokens} only says
	 * whom a token is for.
	 */
	@Bean
	JwtEncoder jwtEncoder(RSAKey tokenSigningKey, TokenSettings settings) {
		var signer = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(tokenSigningKey)));
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

}
