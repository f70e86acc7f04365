package dev.emporium.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The folder of committed event schemas, one file per event and version, and what it says
 * about the events as they are now: whether each event's schema is committed, up to date,
 * and compatible with the committed one of its version, whether the files of its earlier
 * versions are kept, and which files belong to no event any more.
 */
final class CommittedSchemas {

	static final String REGENERATE = "./mvnw test -Dtest=EventContractTests -Demporium.docs.update=true";

	private static final Pattern FILE = Pattern.compile("(.+)\\.v([0-9]+)\\.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path folder;

	private final EventSchemas generator;

	CommittedSchemas(Path folder, EventSchemas generator) {
		this.folder = folder;
		this.generator = generator;
	}

	/**
	 * What is wrong with the committed schemas of an event, each as a sentence saying
	 * what to do. With {@code update}, first writes the current schema over the committed
	 * one of its version, unless the change is incompatible.
	 */
	List<String> check(EventContract event, boolean update) throws IOException {
		JsonNode current = generator.schemaOf(event);
		Path file = folder.resolve(event.schemaFile());
		if (Files.exists(file)) {
			var incompatibilities = SchemaCompatibility.between(JSON.readTree(Files.readString(file)), current);
			if (!incompatibilities.isEmpty()) {
				return List.of(incompatible(event, file, incompatibilities));
			}
		}
		if (update) {
			Files.createDirectories(folder);
			Files.writeString(file, generator.write(current));
		}
		List<String> problems = new ArrayList<>();
		if (!Files.exists(file)) {
			problems.add("%s v%d has no committed schema: generate it with %s and commit %s".formatted(event.typeId(),
					event.version(), REGENERATE, file));
		}
		else if (!normalized(Files.readString(file)).equals(normalized(generator.write(current)))) {
			problems.add("%s is out of date with %s (the change is compatible): regenerate it with %s and commit it"
				.formatted(file, event.type().getName(), REGENERATE));
		}
		for (int version = 1; version < event.version(); version++) {
			Path older = folder.resolve(EventContract.schemaFile(event.typeId(), version));
			if (!Files.exists(older)) {
				problems.add(("%s is gone, but events of version %d may still wait in the outbox or on %s, and "
						+ "consumers may still read that version: restore it from git and keep it")
					.formatted(older, version, event.topic()));
			}
		}
		return problems;
	}

	/**
	 * Committed files that are no schema of a current event's version: the event was
	 * removed or renamed, or its version lowered.
	 */
	List<Path> strays(List<EventContract> events) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> {
				Matcher name = FILE.matcher(file.getFileName().toString());
				return !(name.matches() && events.stream()
					.anyMatch(event -> event.typeId().equals(name.group(1))
							&& Integer.parseInt(name.group(2)) <= event.version()));
			}).sorted().toList();
		}
	}

	static String incompatible(EventContract event, Path file, List<SchemaCompatibility.Incompatibility> found) {
		StringBuilder message = new StringBuilder("%s v%d is no longer compatible with its committed schema %s:%n"
			.formatted(event.typeId(), event.version(), file));
		found.forEach(incompatibility -> message.append("  - ").append(incompatibility.describe()).append('\n'));
		Path next = file.resolveSibling(EventContract.schemaFile(event.typeId(), event.version() + 1));
		return message
			.append(("Consumers built against v%1$d read these events, and v%1$d events may still wait in "
					+ "the outbox or on %2$s. Either make the change compatible (add a component that may be null, "
					+ "annotated @Nullable, instead of changing one), or publish a new version: annotate %3$s with "
					+ "@EventVersion(%4$d), run %5$s, and commit %6$s next to %7$s, which stays.")
				.formatted(event.version(), event.topic(), event.type().getSimpleName(), event.version() + 1,
						REGENERATE, next, file.getFileName()))
			.toString();
	}

	private static String normalized(String text) {
		return text.replace("\r\n", "\n").strip();
	}

}
