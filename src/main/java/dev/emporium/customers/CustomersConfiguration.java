package dev.emporium.customers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How the customers module hashes passwords: the delegating encoder, so that stored
 * hashes name their algorithm and can be upgraded later.
 */
@Configuration(proxyBeanMethods = false)
class CustomersConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
