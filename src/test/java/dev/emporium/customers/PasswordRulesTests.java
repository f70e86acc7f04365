package dev.emporium.customers;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The password rules of NIST SP 800-63B, and the passwords that used to register but
 * never log in, or fail with a 500.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
class PasswordRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Test
	void refusesTheMostCommonPasswordsFieldByField() throws Exception {
		for (var common : new String[] { "password", "Password", "12345678", "iloveyou", "qwertyuiop" }) {
			register("common@example.com", common).andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/validation-failed"))
				.andExpect(jsonPath("$.errors[0].field").value("password"))
				.andExpect(
						jsonPath("$.errors[0].message").value("is one of the most common passwords: choose another"));
		}
	}

	@Test
	void refusesOneRepeatedCharacterSuchAsAllSpaces() throws Exception {
		register("spaces@example.com", " ".repeat(12)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").value("must not be one character repeated"));
	}

	@Test
	void refusesThePasswordThatContainsTheEmailAddress() throws Exception {
		register("Mirror@Example.com", "mirror@example.com!").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("must not contain the e-mail address"));
	}

	@Test
	void acceptsAnyCharacterSpacesIncludedAndComparesThemExactly() throws Exception {
		var password = "  a ★ unicode passphrase, with spaces  ";
		register("unicode@example.com", password).andExpect(status().isCreated());

		login("unicode@example.com", password).andExpect(status().isOk());
		login("unicode@example.com", password.strip()).andExpect(status().isUnauthorized());
	}

	/** Before, the login's {@code @NotBlank} refused what registration accepted. */
	@Test
	void anAccountWhosePasswordIsAllSpacesCanLogIn() throws Exception {
		customers.save(Customer.register("blank@example.com", "Blank",
				"{bcrypt}" + new BCryptPasswordEncoder().encode(" ".repeat(8))));

		login("blank@example.com", " ".repeat(8)).andExpect(status().isOk());
		login("blank@example.com", " ".repeat(9)).andExpect(status().isUnauthorized());
	}

	@Test
	void passwordsBeyondBcryptsSeventyTwoBytesRegisterAndLogInWhereEveryByteCounts() throws Exception {
		for (int bytes = 73; bytes <= 128; bytes += 11) {
			var email = "long-%d@example.com".formatted(bytes);
			var password = "correct horse battery staple ".repeat(5).substring(0, bytes - 1) + "1";
			assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
			register(email, password).andExpect(status().isCreated());

			login(email, password).andExpect(status().isOk());
			// Differs only after the 72nd byte, which plain BCrypt would ignore.
			login(email, password.substring(0, bytes - 1) + "2").andExpect(status().isUnauthorized());
		}
		var multibyte = "ü".repeat(PasswordPolicy.MAX_LENGTH);
		register("umlaut@example.com", multibyte).andExpect(status().isUnprocessableContent());
		var umlauts = "grüße aus köln ".repeat(9).substring(0, PasswordPolicy.MAX_LENGTH);
		register("umlaut@example.com", umlauts).andExpect(status().isCreated());
		login("umlaut@example.com", umlauts).andExpect(status().isOk());
	}

	@Test
	void aLongPasswordAgainstAHashStoredBeforeIsRefusedNotA500() throws Exception {
		customers.save(Customer.register("legacy@example.com", "Legacy",
				"{bcrypt}" + new BCryptPasswordEncoder().encode("correct horse")));

		login("legacy@example.com", "correct horse").andExpect(status().isOk());
		login("legacy@example.com", "x".repeat(100)).andExpect(status().isUnauthorized());
	}

	@Test
	void refusesTooShortAndTooLongPasswords() throws Exception {
		register("short@example.com", "seven77").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		register("long@example.com", "correct horse ".repeat(10)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		login("long@example.com", "correct horse ".repeat(10)).andExpect(status().isUnprocessableContent());
	}

	private ResultActions register(String email, String password) throws Exception {
		return mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Tester\"}".formatted(email, password)));
	}

	private ResultActions login(String email, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)));
	}

}
