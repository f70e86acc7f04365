package dev.emporium.architecture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;
import org.springframework.modulith.docs.Documenter.Options;

import dev.emporium.EmporiumApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generates the Spring Modulith documentation (C4 component diagram, one diagram and one
 * canvas per module), renders the diagrams to SVG with PlantUML, and fails if the copy
 * committed under {@code docs/modules/} is out of date. Run with
 * {@code -Demporium.docs.update=true} to write the fresh copy there instead.
 */
class DocumentationTests {

	static final Path GENERATED = Path.of("target", "spring-modulith-docs");

	static final Path COMMITTED = Path.of("docs", "modules");

	static final String UPDATE = "emporium.docs.update";

	@Test
	void committedModuleDocumentationIsUpToDate() throws IOException {
		var modules = ApplicationModules.of(EmporiumApplication.class);
		new Documenter(modules, Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeDocumentation(
					DiagramOptions.defaults()
						.withStyle(DiagramStyle.C4)
						.withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE),
					CanvasOptions.defaults());
		Map<String, String> sources = read(GENERATED);
		for (var source : sources.entrySet()) {
			source.setValue(canonical(source.getValue()));
			Files.writeString(GENERATED.resolve(source.getKey()), source.getValue() + "\n");
			if (source.getKey().endsWith(".puml")) {
				Files.writeString(GENERATED.resolve(source.getKey().replace(".puml", ".svg")), svg(source.getValue()));
			}
		}

		if (Boolean.getBoolean(UPDATE)) {
			replaceCommittedCopy();
		}

		assertThat(read(COMMITTED))
			.as("docs/modules is out of date with the code; regenerate it with "
					+ "./mvnw test -Dtest=DocumentationTests -D%s=true and commit the result", UPDATE)
			.isEqualTo(sources);
		sources.keySet()
			.stream()
			.filter(name -> name.endsWith(".puml"))
			.forEach(name -> assertThat(COMMITTED.resolve(name.replace(".puml", ".svg"))).as("rendered diagram")
				.exists());
		assertThat(sources).containsKey("components.puml")
			.containsKeys(
					modules.stream().map(module -> "module-" + module.getIdentifier() + ".puml").toArray(String[]::new))
			.containsKeys(modules.stream()
				.map(module -> "module-" + module.getIdentifier() + ".adoc")
				.toArray(String[]::new));
	}

	/** The diagram sources and canvases of a folder; SVGs are derived, so left out. */
	private static Map<String, String> read(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> paths = Files.list(folder)) {
			for (Path path : paths.filter(DocumentationTests::isSource).toList()) {
				files.put(path.getFileName().toString(),
						Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n").strip());
			}
		}
		return files;
	}

	/**
	 * Spring Modulith writes relationships, components and list items in hash order;
	 * sorting each run of them makes the output depend on the code alone.
	 */
	static String canonical(String text) {
		List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
		int start = 0;
		while (start < lines.size()) {
			String kind = kind(lines.get(start));
			int end = start + 1;
			while (kind != null && end < lines.size()
					&& (kind.equals(kind(lines.get(end))) || kind.equals("* ") && lines.get(end).startsWith("* "))) {
				end++;
			}
			if (end - start > 1) {
				boolean table = lines.get(start).startsWith("|");
				List<String> run = new ArrayList<>(lines.subList(start, end));
				run.set(0, table ? run.get(0).substring(1) : run.get(0));
				run.sort(null);
				run.set(0, table ? "|" + run.get(0) : run.get(0));
				for (int i = 0; i < run.size(); i++) {
					lines.set(start + i, run.get(i));
				}
			}
			start = end;
		}
		return String.join("\n", lines);
	}

	private static String kind(String line) {
		String trimmed = line.strip();
		for (String kind : List.of("Rel(", "Component(", "Container(")) {
			if (trimmed.startsWith(kind)) {
				return kind;
			}
		}
		return line.startsWith("* ") || line.startsWith("|* ") ? "* " : null;
	}

	private static boolean isSource(Path path) {
		String name = path.getFileName().toString();
		return name.endsWith(".puml") || name.endsWith(".adoc");
	}

	/**
	 * Renders with PlantUML's own layout engine, so no Graphviz installation is needed.
	 */
	private static String svg(String puml) throws IOException {
		String source = puml.replaceFirst("@startuml[^\n]*\n", "$0!pragma layout smetana\n");
		var out = new ByteArrayOutputStream();
		new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
		return out.toString(StandardCharsets.UTF_8);
	}

	private static void replaceCommittedCopy() throws IOException {
		Files.createDirectories(COMMITTED);
		try (Stream<Path> stale = Files.list(COMMITTED)) {
			for (Path path : stale.toList()) {
				Files.delete(path);
			}
		}
		try (Stream<Path> fresh = Files.list(GENERATED)) {
			for (Path path : fresh.filter(path -> isSource(path) || path.toString().endsWith(".svg")).toList()) {
				Files.copy(path, COMMITTED.resolve(path.getFileName()));
			}
		}
	}

}
