package dev.emporium.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.emporium.shared.Problems;

/**
 * A module that runs in another process could not answer: unreachable, too slow, or
 * failing. The API answers 503 with a problem that names the module, so that clients know
 * to try again later.
 */
class ModuleUnavailableException extends RuntimeException {

	private final String module;

	ModuleUnavailableException(String module, String reason, Throwable cause) {
		super("Module " + module + " is unavailable: " + reason, cause);
		this.module = module;
	}

	String module() {
		return module;
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
