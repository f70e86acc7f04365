package dev.emporium.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import dev.emporium.shared.Problems;

/**
 * Writes a problem detail straight to the servlet response, for the answers given before
 * Spring MVC sees a request: the request boundary, the firewall and Tomcat's own errors.
 */
final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		return Problems.problem(status, slug, title, detail);
	}

	static String json(ProblemDetail problem) {
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		return JSON.writeValueAsString(body);
	}

	static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json(problem));
		response.flushBuffer();
	}

}
