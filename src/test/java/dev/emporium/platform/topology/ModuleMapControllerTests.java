package dev.emporium.platform.topology;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ModuleMapControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void showsStaffEveryModuleWhereItRunsItsHealthAndItsDependencies() throws Exception {
		mvc.perform(get("/api/v1/admin/modules").with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_STAFF"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.process").value("monolith"))
			.andExpect(jsonPath("$.modules[*].name").value(
					contains("catalog", "customers", "inventory", "notifications", "orders", "payments", "shipping")))
			.andExpect(jsonPath("$.modules[*].location").value(everyItem(is("LOCAL"))))
			.andExpect(jsonPath("$.modules[*].health").value(everyItem(is("UP"))))
			.andExpect(
					jsonPath("$.modules[?(@.name == 'inventory')].dependsOn[*]").value(contains("catalog", "shipping")))
			.andExpect(jsonPath("$.modules[0].url").doesNotExist());
	}

	@Test
	void refusesCustomersAndAnonymousCallersWithProblems() throws Exception {
		mvc.perform(get("/api/v1/admin/modules").with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER"))))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/admin/modules"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
