package dev.emporium.platform.topology;

import java.net.ServerSocket;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monolith with one module taken out (payments, at an address where nothing listens):
 * none of the module's beans start, its schema is not created here, and requests for its
 * endpoints go to its service, which answers 503 while it is down.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModuleDeploymentTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void extractPayments(DynamicPropertyRegistry properties) throws Exception {
		int nobodyListens;
		try (var socket = new ServerSocket(0)) {
			nobodyListens = socket.getLocalPort();
		}
		var url = "http://localhost:" + nobodyListens;
		properties.add("emporium.modules.payments.mode", () -> "remote");
		properties.add("emporium.modules.payments.url", () -> url);
		// No broker in this test: no topics to declare, no bridge to start.
		properties.add("spring.kafka.listener.auto-startup", () -> "false");
		properties.add("spring.kafka.admin.auto-create", () -> "false");
	}

	@Test
	void startsNoneOfTheRemoteModulesBeans() {
		var beans = context.getBeanFactory();
		var fromPayments = Arrays.stream(beans.getBeanDefinitionNames()).filter(name -> {
			var type = beans.getType(name);
			return type != null && type.getName().startsWith("dev.emporium.payments.");
		}).toList();

		assertThat(fromPayments).isEmpty();
		assertThat(Arrays.stream(beans.getBeanDefinitionNames()).map(beans::getType)).as("the other modules run")
			.anyMatch(type -> type != null && type.getName().startsWith("dev.emporium.orders."));
	}

	@Test
	void leavesTheRemoteModulesSchemaToItsService() {
		var schemas = jdbc.queryForList("select schema_name from information_schema.schemata", String.class);

		assertThat(schemas).contains("orders", "inventory", "events").doesNotContain("payments");
	}

	@Test
	void forwardsTheModulesEndpointsAndAnswers503WhileItsServiceIsDown() throws Exception {
		mvc.perform(get("/api/v1/payments").param("orderId", "8d3c1c53-58d5-4a4f-9b47-2a0d4fb8f0f1")
			.with(jwt().jwt(token -> token.subject("8d3c1c53-58d5-4a4f-9b47-2a0d4fb8f0f1"))))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/module-unavailable"))
			.andExpect(jsonPath("$.module").value("payments"));
	}

	@Test
	void stillServesTheLocalModules() throws Exception {
		mvc.perform(get("/api/v1/products")).andExpect(status().isOk());
	}

}
