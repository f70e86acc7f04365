package dev.emporium.platform.web;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
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
		return new OpenAPI()
			.info(new Info().title("Emporium API")
				.version("v1")
				.contact(new Contact().name("Emporium").url("https://emporium.dev"))
				.description("""
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
	OperationCustomizer commonProblemResponses(WebSettings settings) {
		return (operation, handlerMethod) -> {
			var responses = operation.getResponses();
			var secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
			// Any request can have an undecodable query string or a NUL in it
			// (RequestBoundary).
			responses.computeIfAbsent("400",
					code -> problem((operation.getRequestBody() != null)
							? "The body is not JSON of the expected shape, or the query string cannot be decoded"
							: "The query string cannot be decoded or holds a NUL character", "malformed-request",
							"Malformed request", 400, "The request body is not valid JSON of the expected shape"));
			if (operation.getRequestBody() != null) {
				responses.computeIfAbsent("413",
						code -> problem("The body is larger than the API accepts", "request-too-large",
								"Request too large", 413, "The request body is larger than the %d bytes accepted"
									.formatted(settings.maxRequestBody().toBytes())));
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

	/**
	 * Makes the document as strict as the code: a Bean Validation {@code @Pattern}
	 * matches the whole value, so its pattern is anchored; an example of an array
	 * parameter is an array.
	 */
	@Bean
	OpenApiCustomizer exactSchemas() {
		return openApi -> {
			if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
				openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::anchorPatterns);
			}
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
				if (operation.getParameters() == null) {
					return;
				}
				for (Parameter parameter : operation.getParameters()) {
					anchorPatterns(parameter.getSchema());
					if (parameter.getSchema() != null && "array".equals(parameter.getSchema().getType())
							&& parameter.getExample() != null && !(parameter.getExample() instanceof List)) {
						parameter.setExample(List.of(parameter.getExample()));
					}
				}
			}));
		};
	}

	/**
	 * A required string that must not be blank, or a list that must not be empty, has at
	 * least one character or item (springdoc writes {@code @Size}'s minimum of 0).
	 */
	@Bean
	PropertyCustomizer nonEmptyMeansAtLeastOne() {
		return (schema, type) -> {
			var annotations = type.getCtxAnnotations();
			if (annotations == null || schema == null) {
				return schema;
			}
			for (Annotation annotation : annotations) {
				if (annotation instanceof NotBlank || annotation instanceof NotEmpty) {
					if (schema.getItems() != null || "array".equals(schema.getType())) {
						schema.setMinItems(Math.max(1, (schema.getMinItems() == null) ? 0 : schema.getMinItems()));
					}
					else {
						schema.setMinLength(Math.max(1, (schema.getMinLength() == null) ? 0 : schema.getMinLength()));
					}
				}
			}
			return schema;
		};
	}

	@SuppressWarnings("rawtypes")
	private static void anchorPatterns(Schema schema) {
		if (schema == null) {
			return;
		}
		var pattern = schema.getPattern();
		if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
			schema.setPattern("^(?:" + pattern + ")$");
		}
		if (schema.getProperties() != null) {
			((Map<?, ?>) schema.getProperties()).values().forEach(property -> anchorPatterns((Schema) property));
		}
		anchorPatterns(schema.getItems());
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
		// Extension members (RFC 9457, section 3.2), such as the unknown SKUs of an
		// order, are part of a problem.
		return new ObjectSchema().description("An RFC 9457 problem detail")
			.additionalProperties(true)
			.addProperty("type", new StringSchema().format("uri").description("Stable identifier of the problem kind"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("errors",
					new Schema<>().type("array")
						.description("Invalid fields, for validation problems")
						.items(new ObjectSchema().addProperty("field", new StringSchema())
							.addProperty("message", new StringSchema())));
	}

}
