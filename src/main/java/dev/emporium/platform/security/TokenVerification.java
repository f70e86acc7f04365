package dev.emporium.platform.security;

import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

import dev.emporium.platform.topology.ModuleTopology;

/**
 * Verifies access tokens with the issuer's key source (a {@link JWKSource} bean) where
 * the issuing module runs in this process, else with the key set that its process serves
 * at {@value #KEY_SET_PATH}, located through the topology.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerification {

	private static final Logger log = LoggerFactory.getLogger(TokenVerification.class);

	/** Where the issuer of tokens publishes its keys, by the usual convention. */
	static final String KEY_SET_PATH = "/.well-known/jwks.json";

	/** About the tokens of this many concurrently active clients; each entry is ~2 KB. */
	static final int VERIFIED_TOKENS_REMEMBERED = 10_000;

	/**
	 * The key set is fetched on first use and cached, so this process starts before or
	 * after the issuer's.
	 */
	@Bean
	JwtDecoder jwtDecoder(ObjectProvider<JWKSource<SecurityContext>> issuerKeys, ModuleTopology topology,
			JwtSettings settings) {
		var keys = issuerKeys.getIfAvailable();
		var issuer = issuingModule(topology);
		if (keys == null && topology.isLocal(issuer)) {
			// Only a partial context, such as another module's test, lacks the key.
			log.warn("Module {} runs here but its signing key is missing: every access token is refused", issuer);
			return token -> {
				throw new BadJwtException("No key to verify access tokens with in this process");
			};
		}
		var decoder = (keys != null) ? NimbusJwtDecoder.withJwkSource(keys).build()
				: NimbusJwtDecoder.withJwkSetUri(topology.url(issuer).resolve(KEY_SET_PATH).toString())
					.restOperations(keySetClient())
					.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
		return new VerifiedTokens(decoder, VERIFIED_TOKENS_REMEMBERED, Clock.systemUTC());
	}

	/** The module that publishes the key set. */
	static String issuingModule(ModuleTopology topology) {
		return topology.endpoints()
			.moduleServing(KEY_SET_PATH)
			.orElseThrow(() -> new IllegalStateException("No module serves " + KEY_SET_PATH));
	}

	/** Timeouts: docs/extraction.md, "What the switch does". */
	private static RestTemplate keySetClient() {
		var requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(2));
		requests.setReadTimeout(Duration.ofSeconds(5));
		return new RestTemplate(requests);
	}

}
