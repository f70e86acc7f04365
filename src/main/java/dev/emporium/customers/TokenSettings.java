package dev.emporium.customers;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access tokens are signed.
 *
 * @param signingKey the PKCS#8 PEM file holding the RSA signing key; generated on first
 * start when missing
 * @param issuer the {@code iss} claim written into every token (and required by every
 * process that verifies them)
 * @param timeToLive how long an issued token stays valid
 */
@ConfigurationProperties("emporium.security.jwt")
record TokenSettings(@DefaultValue("data/jwt-signing-key.pem") Path signingKey, @DefaultValue("emporium") String issuer,
		@DefaultValue("1h") Duration timeToLive) {
}
