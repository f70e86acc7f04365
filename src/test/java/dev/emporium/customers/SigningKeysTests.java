package dev.emporium.customers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Token keys kept in the database: every instance on it signs and verifies with the same
 * ones, a rotation made by one is verified by the others at once, old tokens stay valid
 * until they expire, and instances that start together make one key.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "emporium.security.jwt.signing-key=")
@TestMethodOrder(OrderAnnotation.class)
class SigningKeysTests {

	private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JwtEncoder encoder;

	@Autowired
	JwtDecoder decoder;

	@Autowired
	TokenKeys keys;

	@BeforeEach
	void startFromTheKeysThisInstanceMade() {
		assertThat(keys).isInstanceOf(SigningKeys.class);
	}

	@Test
	@Order(1)
	void everyInstanceOnTheDatabaseSignsWithTheSameKey() {
		var other = instance(Clock.systemUTC());

		assertThat(other.signing().getKeyID()).isEqualTo(keys.signing().getKeyID());
	}

	@Test
	@Order(2)
	void aTokenSignedWithAKeyAnotherInstanceJustMadeIsVerifiedAtOnce() {
		var clock = new MovableClock();
		var here = instance(clock);
		here.verifying();
		clock.advance(Duration.ofSeconds(2));

		var elsewhere = instance(Clock.systemUTC());
		var newKey = elsewhere.rotate();
		var token = new NimbusJwtEncoder((selector, context) -> List.of(newKey)).encode(JwtEncoderParameters
			.from(JwtClaimsSet.builder().subject("someone").expiresAt(Instant.now().plusSeconds(60)).build()));

		var verifier = NimbusJwtDecoder.withJwkSource(new TokenSigning().tokenVerificationKeys(here)).build();
		assertThat(verifier.decode(token.getTokenValue()).getSubject()).isEqualTo("someone");
	}

	@Test
	@Order(3)
	void staffRotateTheKeyAndOldTokensStayValidUntilTheyExpire() throws Exception {
		var before = encoder.encode(JwtEncoderParameters.from(JwtClaimsSet.builder().subject("before").build()));
		var oldKey = (String) before.getHeaders().get("kid");

		mvc.perform(post("/api/v1/auth/keys").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER"))))
			.andExpect(status().isForbidden());
		var answer = mvc
			.perform(post("/api/v1/auth/keys").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_STAFF"))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String newKey = JsonPath.read(answer, "$.keyId");

		var after = encoder.encode(JwtEncoderParameters.from(JwtClaimsSet.builder().subject("after").build()));
		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(after.getHeaders().get("kid")).isEqualTo(newKey);
		assertThat(decoder.decode(before.getTokenValue()).getSubject()).isEqualTo("before");
		assertThat(decoder.decode(after.getTokenValue()).getSubject()).isEqualTo("after");
		mvc.perform(get("/.well-known/jwks.json"))
			.andExpect(jsonPath("$.keys[*].kid").value(hasItems(oldKey, newKey)))
			.andExpect(jsonPath("$.keys[*].d").doesNotExist());

		jdbc.sql("UPDATE customers.signing_key SET retired_at = now() - interval '2 hours' WHERE key_id = :id")
			.param("id", oldKey)
			.update();
		assertThat(instance(Clock.systemUTC()).verifying()).extracting(key -> key.getKeyID())
			.contains(newKey)
			.doesNotContain(oldKey);
	}

	/** Late: it takes the keys the others use away. */
	@Test
	@Order(4)
	void makesItsFirstKeyEvenWhenFirstAskedInsideAReadOnlyTransaction() {
		jdbc.sql("DELETE FROM customers.signing_key").update();
		var readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);

		var key = readOnly.execute(status -> instance(Clock.systemUTC()).signing());

		assertThat(jdbc.sql("SELECT key_id FROM customers.signing_key").query(String.class).list())
			.containsExactly(key.getKeyID());
	}

	/** Last: it takes the keys the others use away. */
	@Test
	@Order(5)
	void instancesStartingTogetherMakeOneKey() throws Exception {
		jdbc.sql("DELETE FROM customers.signing_key").update();
		var starts = new ArrayList<Callable<String>>();
		for (int i = 0; i < 4; i++) {
			starts.add(() -> instance(Clock.systemUTC()).signing().getKeyID());
		}
		var pool = Executors.newFixedThreadPool(4);
		try {
			var made = new ArrayList<String>();
			for (var started : pool.invokeAll(starts)) {
				made.add(started.get());
			}
			assertThat(made).containsOnly(made.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM customers.signing_key").query(Integer.class).single()).isOne();
	}

	private SigningKeys instance(Clock clock) {
		return new SigningKeys(jdbc, transactions, TOKEN_LIFETIME, clock);
	}

	/** A clock a test moves on by hand. */
	static final class MovableClock extends Clock {

		private Instant now = Instant.now();

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
