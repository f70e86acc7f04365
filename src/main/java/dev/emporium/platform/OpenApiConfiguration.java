package dev.emporium.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.emporium.shared.Caller;

/**
 * Describes the API in the OpenAPI document served at {@code /v3/api-docs} and in Swagger
 * UI. Operations need a bearer token unless they declare an empty security requirement.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearerAuth";

	static {
		// Resolved from the access token, not sent by clients.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI emporiumOpenApi() {
		return new OpenAPI().info(new Info().title("Emporium API").version("v1").description("""
				An online shop's back end: catalog, customers, inventory, orders, payments, shipping and \
				notifications. Obtain a token from `POST /api/v1/auth/token` and send it as \
				`Authorization: Bearer <token>`. Errors are RFC 9457 problem details \
				(`application/problem+json`) whose `type` is stable."""))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
