package dev.emporium.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A module's exception that carries the RFC 9457 problem the API answers it with (see
 * {@link Problems}), so that Spring MVC's problem handling answers it and no controller
 * needs a handler of its own. Its message is the problem's detail.
 */
public abstract class ProblemException extends ErrorResponseException {

	protected ProblemException(HttpStatus status, String slug, String title, String detail) {
		this(status, slug, title, detail, null);
	}

	protected ProblemException(HttpStatus status, String slug, String title, String detail, Throwable cause) {
		super(status, Problems.problem(status, slug, title, detail), cause);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
