package dev.emporium.customers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access tokens are signed.
 *
 * @param signingKey a PKCS#8 PEM file holding the one RSA signing key (generated when
 * missing); unset, the keys live in customers' schema and staff rotate them
 * @param issuer the {@code iss} claim written into every token (and required by every
 * process that verifies them)
 * @param timeToLive how long an issued token stays valid
 */
@ConfigurationProperties("emporium.security.jwt")
record TokenSettings(String signingKey, @DefaultValue("emporium") String issuer,
		@DefaultValue("1h") Duration timeToLive) {

	/** The configured key file, if any. */
	Optional<Path> signingKeyFile() {
		return Optional.ofNullable(signingKey).filter(file -> !file.isBlank()).map(Path::of);
	}

}
