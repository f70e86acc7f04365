package dev.emporium.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access tokens are signed and checked.
 *
 * @param signingKey the PKCS#8 PEM file holding the RSA signing key; generated on first
 * start when missing
 * @param issuer the {@code iss} claim written into and required from every token
 * @param timeToLive how long an issued token stays valid
 */
@ConfigurationProperties("emporium.security.jwt")
record JwtSettings(@DefaultValue("data/jwt-signing-key.pem") Path signingKey, @DefaultValue("emporium") String issuer,
		@DefaultValue("1h") Duration timeToLive) {
}
