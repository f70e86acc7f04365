package dev.emporium.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ClientPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void servesTheStorefrontToAnyoneWithAPolicyThatAllowsNoInlineScript() throws Exception {
		mvc.perform(get("/index.html"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/assets/js/store.js")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void servesTheConsoleAndTheAssetsToAnyone() throws Exception {
		mvc.perform(get("/console"))
			.andExpect(status().isOk())
			.andExpect(forwardedUrl("/console.html"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
		mvc.perform(get("/console.html")).andExpect(status().isOk());
		mvc.perform(get("/assets/js/console.js"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
	}

	@Test
	void keepsTheApiAndOtherMethodsBehindTheToken() throws Exception {
		mvc.perform(get("/api/v1/orders")).andExpect(status().isUnauthorized());
		mvc.perform(post("/")).andExpect(status().isUnauthorized());
		mvc.perform(get("/assets/../api/v1/orders")).andExpect(status().is4xxClientError());
	}

}
