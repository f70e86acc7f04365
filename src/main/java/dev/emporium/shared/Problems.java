package dev.emporium.shared;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with Emporium's stable {@code type} URIs.
 */
public final class Problems {

	/**
	 * The prefix of every problem type Emporium answers with; the suffix is a stable
	 * slug.
	 */
	public static final String TYPE_PREFIX = "https://emporium.dev/problems/";

	private Problems() {
	}

	public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	public static URI type(String slug) {
		return URI.create(TYPE_PREFIX + slug);
	}

}
