package dev.emporium.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a data directory held by another process as what an operator can act on,
 * without a stack trace. Registered in {@code META-INF/spring.factories}.
 */
class DataDirectoryInUseAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Stop that process, or give this one a directory of its own with "
						+ "EMPORIUM_EMBEDDED_POSTGRES_DATA_DIRECTORY (several instances share one PostgreSQL server "
						+ "through SPRING_DATASOURCE_URL instead).",
				cause);
	}

}
