package dev.emporium.endtoend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Checks every answer a {@link ShopClient} gets (status, headers, body) against the
 * OpenAPI document the application serves, with Atlassian's swagger-request-validator: a
 * response the document does not describe fails the test that received it.
 */
final class ApiContract implements ClientHttpRequestInterceptor {

	private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

	private final String baseUrl;

	ApiContract(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	@Override
	public ClientHttpResponse intercept(org.springframework.http.HttpRequest request, byte[] body,
			ClientHttpRequestExecution execution) throws IOException {
		var response = execution.execute(request, body);
		var content = response.getBody().readAllBytes();
		var status = response.getStatusCode().value();
		// A proxy's or a dying process's 502-504 is the infrastructure the fault tests
		// break on purpose.
		if (status < 502 || status > 504) {
			check(request, status, response.getHeaders(), content);
		}
		return new Buffered(response, content);
	}

	private void check(org.springframework.http.HttpRequest request, int status, HttpHeaders headers, byte[] content) {
		var answer = SimpleResponse.Builder.status(status).withBody(new String(content, StandardCharsets.UTF_8));
		headers.forEach((name, values) -> answer.withHeader(name, values));
		var report = validator().validateResponse(request.getURI().getRawPath(),
				Request.Method.valueOf(request.getMethod().name()), answer.build());
		if (report.hasErrors()) {
			throw new AssertionError(
					"%s %s answered %d, not as the OpenAPI document says:%n%s%n%s".formatted(request.getMethod(),
							request.getURI(), status, report, new String(content, StandardCharsets.UTF_8)));
		}
	}

	private OpenApiInteractionValidator validator() {
		return VALIDATORS.computeIfAbsent(baseUrl, ApiContract::load);
	}

	private static OpenApiInteractionValidator load(String baseUrl) {
		try {
			var document = HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			// A module running as a service is not in the monolith's document: its paths
			// go unchecked there.
			return OpenApiInteractionValidator.createForInlineApiSpecification(document)
				.withLevelResolver(LevelResolver.create()
					.withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
					.build())
				.build();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The OpenAPI document of " + baseUrl + " cannot be read", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The response with its body read once, for the validator and then for the client.
	 */
	private record Buffered(ClientHttpResponse response, byte[] content) implements ClientHttpResponse {

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return response.getHeaders();
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(content);
		}

		@Override
		public void close() {
			response.close();
		}

	}

}
