package dev.emporium.architecture;

/**
 * A piece of SQL a module owns: a migration file or a {@code @Query} value.
 *
 * @param module the owning module ({@code __root} for the platform's migrations)
 * @param schema the only schema the SQL may touch
 * @param origin where it comes from: a classpath resource or a repository method
 * @param firstLine the line of the origin the text starts at
 * @param text the SQL itself
 */
record SqlSource(String module, String schema, String origin, int firstLine, String text) {

	static final String ROOT_MIGRATIONS = "__root";

	/** The schema of the event publication registry, owned by the platform. */
	static final String PLATFORM_SCHEMA = "events";

	static String schemaOf(String module) {
		return ROOT_MIGRATIONS.equals(module) ? PLATFORM_SCHEMA : module;
	}

	String at(int offset) {
		int line = firstLine;
		for (int i = 0; i < offset && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return origin + ":" + line;
	}

	@Override
	public String toString() {
		return origin;
	}

}
