package dev.emporium.platform;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.emporium.shared.Caller;
import dev.emporium.shared.Problems;

/**
 * Describes the API in the OpenAPI document served at {@code /v3/api-docs} and in Swagger
 * UI. Operations need a bearer token unless they declare an empty security requirement;
 * every operation documents the problems any request can meet (401 when secured, 500),
 * while controllers document their own.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearerAuth";

	static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

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
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
				.addSchemas("Problem", problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OperationCustomizer commonProblemResponses() {
		return (operation, handlerMethod) -> {
			var responses = operation.getResponses();
			var secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
			if (secured && !responses.containsKey("401")) {
				responses.addApiResponse("401", problem("No valid access token", "unauthorized", "Unauthorized", 401,
						"A valid access token is required: obtain one from POST /api/v1/auth/token"));
			}
			if (!responses.containsKey("500")) {
				responses.addApiResponse("500", problem("Unexpected failure, logged on the server", "internal-error",
						"Internal error", 500, "The request failed unexpectedly; it has been logged"));
			}
			return operation;
		};
	}

	private static ApiResponse problem(String description, String slug, String title, int status, String detail) {
		var example = Map.of("type", Problems.TYPE_PREFIX + slug, "title", title, "status", status, "detail", detail);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")).example(example)));
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem detail")
			.addProperty("type", new StringSchema().format("uri").description("Stable identifier of the problem kind"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri"))
			.addProperty("errors",
					new Schema<>().type("array")
						.description("Invalid fields, for validation problems")
						.items(new ObjectSchema().addProperty("field", new StringSchema())
							.addProperty("message", new StringSchema())));
	}

}
