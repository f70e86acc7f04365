package dev.emporium.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An instance that shuts down reports itself not ready while it still serves, and does so
 * before the web server begins to drain.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class TrafficDrainTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TrafficDrain drain;

	@Test
	void reportsNotReadyWhileStillServing() throws Exception {
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());

		drain.stop();

		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/api/v1/products")).andExpect(status().isOk());
	}

	@Test
	void stopsBeforeTheWebServerDrains() {
		assertThat(drain.getPhase()).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
	}

}
