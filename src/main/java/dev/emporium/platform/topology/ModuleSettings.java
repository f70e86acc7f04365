package dev.emporium.platform.topology;

/**
 * One module's entry under {@code emporium.modules}.
 *
 * @param mode local (default) or remote
 * @param url the base URL of the module's service
 */
record ModuleSettings(Mode mode, String url) {

	static final ModuleSettings LOCAL = new ModuleSettings(Mode.LOCAL, null);

	ModuleSettings {
		mode = (mode != null) ? mode : Mode.LOCAL;
	}

	/** How a module is deployed. */
	enum Mode {

		/** In this process (the default). */
		LOCAL,

		/** In a service of its own, reached at its URL. */
		REMOTE

	}

}
