package dev.emporium.customers;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationModuleTest
@AutoConfigureMockMvc
class TokenControllerTests {

	private static final String WRONG = "The e-mail address or password is wrong";

	@Autowired
	MockMvc mvc;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JwtDecoder decoder;

	@Test
	void issuesSignedBearerTokenForTheCustomer() throws Exception {
		var customer = customers.register("token@example.com", "correct horse", "Token Holder");

		var response = login("""
				{"email":"Token@Example.com","password":"correct horse"}""").andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.tokenType").value("Bearer"))
			.andExpect(jsonPath("$.expiresIn").value(3600))
			.andReturn()
			.getResponse()
			.getContentAsString();

		var jwt = decoder.decode(JsonPath.read(response, "$.accessToken"));
		assertThat(jwt.getSubject()).isEqualTo(customer.id().toString());
		assertThat(jwt.getClaimAsString("email")).isEqualTo("token@example.com");
		assertThat(jwt.getClaimAsString("name")).isEqualTo("Token Holder");
		assertThat(jwt.getClaimAsStringList("roles")).isEqualTo(List.of("CUSTOMER"));
		assertThat(jwt.getClaimAsString("iss")).isEqualTo("emporium");
	}

	@Test
	void rejectsWrongPasswordAndUnknownEmailAlike() throws Exception {
		customers.register("known@example.com", "correct horse", "Known");

		login("""
				{"email":"known@example.com","password":"wrong horse"}""").andExpect(status().isUnauthorized())
			.andExpect(problem("invalid-credentials"))
			.andExpect(jsonPath("$.detail").value(WRONG));
		login("""
				{"email":"unknown@example.com","password":"correct horse"}""").andExpect(status().isUnauthorized())
			.andExpect(problem("invalid-credentials"))
			.andExpect(jsonPath("$.detail").value(WRONG));
	}

	@Test
	void rejectsMissingCredentialsWithValidationProblem() throws Exception {
		login("""
				{"email":"known@example.com"}""").andExpect(status().isUnprocessableContent())
			.andExpect(problem("validation-failed"));
	}

	@Test
	void rejectsMalformedJsonWithBadRequestProblem() throws Exception {
		login("not json").andExpect(status().isBadRequest()).andExpect(problem("malformed-request"));
	}

	@Test
	void refusesToRotateAKeyConfiguredAsAFile() throws Exception {
		mvc.perform(post("/api/v1/auth/keys").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_STAFF"))))
			.andExpect(status().isConflict())
			.andExpect(problem("key-rotation-unavailable"));
	}

	private ResultActions login(String body) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static ResultMatcher problem(String slug) {
		return result -> {
			content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
			jsonPath("$.type").value("https://emporium.dev/problems/" + slug).match(result);
		};
	}

}
