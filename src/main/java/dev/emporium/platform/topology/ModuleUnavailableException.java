package dev.emporium.platform.topology;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.emporium.shared.ProblemException;
import dev.emporium.shared.Problems;

/**
 * A module that runs in another process could not answer: unreachable, too slow, or
 * failing. The API answers 503 with a problem that names the module and a
 * {@code Retry-After}, so that clients know to try again later.
 */
public class ModuleUnavailableException extends ProblemException {

	private final String module;

	private final String message;

	public ModuleUnavailableException(String module, String reason, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "module-unavailable", "Service unavailable",
				"The " + module + " service is unavailable right now; nothing was changed, try again shortly", cause);
		getBody().setProperty("module", module);
		getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		this.module = module;
		this.message = "Module " + module + " is unavailable: " + reason;
	}

	/** The module that could not answer. */
	public String module() {
		return module;
	}

	/** What went wrong, for the log; the problem's detail is what the caller reads. */
	@Override
	public String getMessage() {
		return message;
	}

	/**
	 * The 503 problem for an unavailable module, the same wherever it is answered (a
	 * failed call from here, or a request the gateway could not forward).
	 */
	static ProblemDetail problem(String module, String detail) {
		var problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "module-unavailable", "Service unavailable",
				detail);
		problem.setProperty("module", module);
		return problem;
	}

}
