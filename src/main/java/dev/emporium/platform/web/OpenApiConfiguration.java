package dev.emporium.platform.web;

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
import org.springframework.security.access.prepost.PreAuthorize;

import dev.emporium.shared.Caller;
import dev.emporium.shared.Problems;

/**
 * Describes the API at {@code /v3/api-docs} and in Swagger UI. Controllers list only the
 * problems their own rules raise; this adds the bearer-token scheme, the 400, 401, 403
 * and 500 any request can meet, and the problem schema to every error.
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
			if (operation.getRequestBody() != null) {
				responses.computeIfAbsent("400",
						code -> problem("The body is not JSON of the expected shape", "malformed-request",
								"Malformed request", 400, "The request body is not valid JSON of the expected shape"));
			}
			if (secured) {
				responses.computeIfAbsent("401",
						code -> problem("No valid access token", "unauthorized", "Unauthorized", 401,
								"A valid access token is required: obtain one from POST /api/v1/auth/token"));
			}
			if (handlerMethod.hasMethodAnnotation(PreAuthorize.class)) {
				responses.computeIfAbsent("403", code -> problem("The caller's account may not do this", "forbidden",
						"Forbidden", 403, "Your account is not allowed to do this"));
			}
			responses.computeIfAbsent("500", code -> problem("Unexpected failure, logged on the server",
					"internal-error", "Internal error", 500, "The request failed unexpectedly; it has been logged"));
			responses.forEach((code, response) -> {
				if (code.startsWith("4") || code.startsWith("5")) {
					describeAsProblem(response);
				}
			});
			return operation;
		};
	}

	private static void describeAsProblem(ApiResponse response) {
		var content = response.getContent() == null ? new Content() : response.getContent();
		content.remove(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
		content.remove("*/*");
		content.computeIfAbsent(PROBLEM_MEDIA_TYPE, type -> new MediaType())
			.setSchema(new Schema<>().$ref("#/components/schemas/Problem"));
		response.setContent(content);
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
