package dev.emporium.platform.database;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Readiness follows the database, so that a load balancer routes around an instance that
 * cannot serve; liveness does not, since a restart would not bring the database back.
 */
@SpringBootTest(properties = "spring.datasource.hikari.connection-timeout=1000")
@AutoConfigureMockMvc
@DirtiesContext
class DatabaseReadinessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StartingPostgres postgres;

	@Test
	void readinessGoesDownWithTheDatabaseAndLivenessStaysUp() throws Exception {
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());

		postgres.close();

		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"));
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

}
