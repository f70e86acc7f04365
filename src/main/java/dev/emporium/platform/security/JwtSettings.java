package dev.emporium.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access tokens are checked.
 *
 * @param issuer the {@code iss} claim required in every token
 */
@ConfigurationProperties("emporium.security.jwt")
record JwtSettings(@DefaultValue("emporium") String issuer) {
}
