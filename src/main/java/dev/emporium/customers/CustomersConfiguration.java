package dev.emporium.customers;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How the customers module hashes passwords: the delegating encoder, so that stored
 * hashes name their algorithm; new ones are {@code bcrypt-sha256}, and the {@code bcrypt}
 * ones stored before it stay valid (docs/security.md, "Passwords").
 */
@Configuration(proxyBeanMethods = false)
class CustomersConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(Sha256BcryptPasswordEncoder.ID, Map.of(Sha256BcryptPasswordEncoder.ID,
				new Sha256BcryptPasswordEncoder(), "bcrypt", new Sha256BcryptPasswordEncoder.Bcrypt72()));
	}

}
