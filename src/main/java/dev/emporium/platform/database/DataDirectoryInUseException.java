package dev.emporium.platform.database;

import java.nio.file.Path;

/**
 * Another live process runs the embedded server on this data directory: taking it over
 * would break that process, so this one does not start.
 */
class DataDirectoryInUseException extends IllegalStateException {

	private final Path dataDirectory;

	DataDirectoryInUseException(Path dataDirectory, String owner) {
		super("The embedded PostgreSQL data directory " + dataDirectory + " is in use by "
				+ (owner.isEmpty() ? "another process" : "process " + owner));
		this.dataDirectory = dataDirectory;
	}

	Path dataDirectory() {
		return dataDirectory;
	}

}
