package dev.emporium.catalog;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.emporium.EmporiumApplication;
import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The catalog contract against the client generated from {@link Catalog}, calling a
 * catalog service over real HTTP: this test's context is the monolith with the catalog
 * extracted; the catalog runs as a separate application context (its own embedded
 * PostgreSQL, its own port) started with {@code emporium.service=catalog}. The caller's
 * access token travels with every call, and the service verifies it with the monolith's
 * published key set.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
class RemoteCatalogContractTests extends CatalogContract {

	private static ConfigurableApplicationContext catalogService;

	@Autowired
	Catalog catalog;

	@Autowired
	JwtEncoder tokens;

	@Autowired
	JwtDecoder decoder;

	@DynamicPropertySource
	static void extractTheCatalog(DynamicPropertyRegistry properties) throws IOException {
		var monolithPort = freePort();
		catalogService = new SpringApplicationBuilder(EmporiumApplication.class).run("--emporium.service=catalog",
				"--server.port=0", "--emporium.monolith.url=http://localhost:" + monolithPort,
				"--spring.kafka.listener.auto-startup=false", "--spring.kafka.admin.auto-create=false");
		var servicePort = catalogService.getEnvironment().getProperty("local.server.port");
		properties.add("server.port", () -> monolithPort);
		properties.add("emporium.modules.catalog.mode", () -> "remote");
		properties.add("emporium.modules.catalog.url", () -> "http://localhost:" + servicePort);
		// Only calls cross here, no events: no broker, no topics to declare, no bridge to
		// start.
		properties.add("spring.kafka.listener.auto-startup", () -> "false");
		properties.add("spring.kafka.admin.auto-create", () -> "false");
	}

	@AfterAll
	static void stopTheCatalog() {
		if (catalogService != null) {
			catalogService.close();
		}
	}

	@BeforeEach
	void actAsACustomer() {
		var claims = JwtClaimsSet.builder()
			.subject(UUID.randomUUID().toString())
			.claim("roles", List.of("CUSTOMER"))
			.build();
		var jwt = decoder.decode(tokens.encode(JwtEncoderParameters.from(claims)).getTokenValue());
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
	}

	@AfterEach
	void forgetTheCaller() {
		SecurityContextHolder.clearContext();
	}

	@Override
	Catalog catalog() {
		return catalog;
	}

	@Override
	void add(String sku, String name, Money price) {
		catalogService.getBean(CatalogManagement.class).add(sku, name, "", price);
	}

	@Test
	void isAClientOfTheServiceNotTheLocalImplementation() {
		assertThat(catalog).isNotInstanceOf(CatalogManagement.class);
		assertThat(catalogService.getBeansOfType(Catalog.class).values()).singleElement()
			.isInstanceOf(CatalogManagement.class);
	}

	@Test
	void refusesCallsWithoutTheCallersToken() {
		SecurityContextHolder.clearContext();

		assertThatExceptionOfType(org.springframework.web.client.HttpClientErrorException.Unauthorized.class)
			.isThrownBy(() -> catalog.findProduct("MUG-001"));
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
