package dev.emporium.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.util.ApplicationModulesExporter;

import dev.emporium.EmporiumApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the precomputed module metadata that the application reads at start
 * ({@value ApplicationModulesExporter#DEFAULT_LOCATION}) in step with the code. With it,
 * Spring Modulith takes the modules' names from the file instead of analysing every class
 * with ArchUnit on each start, which took about five of the fourteen seconds to ready.
 * Regenerate with {@code -Demporium.docs.update=true}.
 */
class ModuleMetadataTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final Path COMMITTED = Path.of("src", "main", "resources", ApplicationModulesExporter.DEFAULT_LOCATION);

	@Test
	void committedModuleMetadataIsUpToDate() throws IOException {
		var exported = new ApplicationModulesExporter(ApplicationModules.of(EmporiumApplication.class)).toJson();
		var current = JSON.writerWithDefaultPrettyPrinter()
			.writeValueAsString(canonical(JSON.readValue(exported, Object.class))) + "\n";

		if (Boolean.getBoolean(DocumentationTests.UPDATE)) {
			Files.createDirectories(COMMITTED.getParent());
			Files.writeString(COMMITTED, current);
		}

		assertThat(COMMITTED)
			.as("regenerate with ./mvnw test -Dtest=ModuleMetadataTests -D%s=true and commit it",
					DocumentationTests.UPDATE)
			.exists();
		assertThat(Files.readString(COMMITTED))
			.as("%s is out of date with the modules; regenerate it with "
					+ "./mvnw test -Dtest=ModuleMetadataTests -D%s=true and commit it", COMMITTED,
					DocumentationTests.UPDATE)
			.isEqualTo(current);
	}

	/**
	 * The exporter lists modules and dependencies in no fixed order: sorted, the file
	 * changes only when the modules do.
	 */
	private static Object canonical(Object json) {
		if (json instanceof Map<?, ?> map) {
			var sorted = new TreeMap<String, Object>();
			map.forEach((key, value) -> sorted.put(String.valueOf(key), canonical(value)));
			return sorted;
		}
		if (json instanceof List<?> list) {
			return list.stream()
				.map(ModuleMetadataTests::canonical)
				.sorted(Comparator.comparing(String::valueOf))
				.toList();
		}
		return json;
	}

}
