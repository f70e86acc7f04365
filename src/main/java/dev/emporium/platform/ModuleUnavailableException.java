package dev.emporium.platform;

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

}
