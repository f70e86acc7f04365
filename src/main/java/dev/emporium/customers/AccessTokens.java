package dev.emporium.customers;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Issues signed access tokens to customers who prove who they are with their e-mail
 * address and password.
 */
@Service
class AccessTokens {

	private final Customers customers;

	private final PasswordEncoder passwords;

	private final JwtEncoder encoder;

	// Compared against when the e-mail address is unknown, so that the answer takes as
	// long as for a wrong password and does not reveal which accounts exist. Hashed on
	// first use: at start, before the JIT compiles BCrypt, it took a second.
	private final Supplier<String> unknownAccountHash;

	AccessTokens(Customers customers, PasswordEncoder passwords, JwtEncoder encoder) {
		this.customers = customers;
		this.passwords = passwords;
		this.encoder = encoder;
		this.unknownAccountHash = SingletonSupplier.of(() -> passwords.encode(UUID.randomUUID().toString()));
	}

	@Transactional(readOnly = true)
	AccessToken issue(String email, String password) {
		var customer = customers.findByEmail(Customer.normalize(email));
		var matches = passwords.matches(password, customer.map(Customer::passwordHash).orElseGet(unknownAccountHash));
		if (customer.isEmpty() || !matches) {
			throw new InvalidCredentialsException();
		}
		var account = customer.get();
		var claims = JwtClaimsSet.builder()
			.subject(account.id().toString())
			.claim("email", account.email())
			.claim("name", account.name())
			.claim("roles", List.of(account.role()))
			.build();
		var jwt = encoder.encode(JwtEncoderParameters.from(claims));
		return new AccessToken(jwt.getTokenValue(), Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()));
	}

	/**
	 * A signed token and how long it stays valid.
	 */
	record AccessToken(String value, Duration validFor) {
	}

}
