package dev.emporium.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

/**
 * Signs access tokens with the key on disk and verifies them with its public half, which
 * it also publishes as a JSON Web Key Set so that other services can verify the same
 * tokens.
 * <p>
 * Tokens are issued by the customers module, so the signing key lives where customers
 * runs. Every other process (the monolith with customers extracted, any other extracted
 * service) holds no key: it verifies tokens with the key set that the customers module's
 * process publishes at {@value #KEY_SET_PATH}.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	static final String KEY_SET_PATH = "/.well-known/jwks.json";

	/** About the tokens of this many concurrently active clients; each entry is ~2 KB. */
	static final int VERIFIED_TOKENS_REMEMBERED = 10_000;

	/** The module that issues tokens and holds the signing key. */
	static final String ISSUING_MODULE = "customers";

	@Bean
	@ConditionalOnModuleTopology(localModule = ISSUING_MODULE)
	RSAKey tokenSigningKey(JwtSettings settings) {
		return new SigningKeyFile(settings.signingKey()).loadOrCreate();
	}

	/**
	 * An encoder that fills in the issuer, issue and expiry times, so that the module
	 * issuing tokens only says whom they are for.
	 */
	@Bean
	@ConditionalOnModuleTopology(localModule = ISSUING_MODULE)
	JwtEncoder jwtEncoder(RSAKey tokenSigningKey, JwtSettings settings) {
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

	/**
	 * Verifies with the local key where there is one, else with the issuer's published
	 * key set (fetched on first use and cached, so this process starts before or after
	 * it).
	 */
	@Bean
	JwtDecoder jwtDecoder(ObjectProvider<RSAKey> tokenSigningKey, ModuleTopology topology, JwtSettings settings)
			throws JOSEException {
		var key = tokenSigningKey.getIfAvailable();
		var decoder = (key != null) ? NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build()
				: NimbusJwtDecoder.withJwkSetUri(topology.url(ISSUING_MODULE).resolve(KEY_SET_PATH).toString())
					.restOperations(keySetClient())
					.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
		return new VerifiedTokens(decoder, VERIFIED_TOKENS_REMEMBERED, Clock.systemUTC());
	}

	/**
	 * Fetches the issuer's key set with time to spare for a process that is still warming
	 * up, but not so much that requests pile up behind it when it is down.
	 */
	private static RestTemplate keySetClient() {
		var requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(2));
		requests.setReadTimeout(Duration.ofSeconds(5));
		return new RestTemplate(requests);
	}

	/**
	 * Publishes the public signing key.
	 */
	@RestController
	@ConditionalOnModuleTopology(localModule = ISSUING_MODULE)
	@Tag(name = "Security", description = "Access tokens and the keys that verify them")
	static class JwkSetController {

		private final Map<String, Object> publicKeys;

		JwkSetController(RSAKey tokenSigningKey) {
			this.publicKeys = new JWKSet(tokenSigningKey.toPublicJWK()).toJSONObject();
		}

		@GetMapping(KEY_SET_PATH)
		@Operation(summary = "Publish the public keys that verify access tokens (a JSON Web Key Set)")
		@SecurityRequirements
		@ApiResponse(responseCode = "200", description = "The JSON Web Key Set", useReturnTypeSchema = true,
				content = @Content(mediaType = "application/json",
						examples = @ExampleObject("""
								{"keys": [{"kty": "RSA", "e": "AQAB", "kid": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
								           "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP..."}]}""")))
		Map<String, Object> keys() {
			return publicKeys;
		}

	}

}
