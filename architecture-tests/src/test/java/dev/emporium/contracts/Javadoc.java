package dev.emporium.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first paragraph of a type's Javadoc, read from its source file, so that a schema
 * says what its event means in the words of the code.
 */
final class Javadoc {

	private static final List<Path> SOURCE_ROOTS = List.of(Path.of("src", "main", "java"),
			Path.of("architecture-tests", "src", "test", "java"));

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:link|linkplain|code|literal)\\s+#?([^}]*)}");

	private Javadoc() {
	}

	/**
	 * The summary of the type's Javadoc, as plain text.
	 * @return empty if the source or its Javadoc is not there
	 */
	static Optional<String> summary(Class<?> type) {
		Class<?> topLevel = type;
		while (topLevel.getEnclosingClass() != null) {
			topLevel = topLevel.getEnclosingClass();
		}
		String file = topLevel.getName().replace('.', '/') + ".java";
		return SOURCE_ROOTS.stream()
			.map(root -> root.resolve(file))
			.filter(Files::isRegularFile)
			.findFirst()
			.flatMap(source -> summary(read(source), type.getSimpleName()));
	}

	private static Optional<String> summary(String source, String simpleName) {
		Matcher declaration = Pattern.compile("\\b(?:record|class|interface|enum)\\s+" + simpleName + "\\b")
			.matcher(source);
		if (!declaration.find()) {
			return Optional.empty();
		}
		int end = source.lastIndexOf("*/", declaration.start());
		int start = source.lastIndexOf("/**", declaration.start());
		// Only annotations and modifiers may stand between the comment and the type.
		if (start < 0 || end < start
				|| STRING.matcher(source.substring(end + 2, declaration.start()))
					.replaceAll("\"\"")
					.matches("(?s).*[;{}].*")) {
			return Optional.empty();
		}
		String text = source.substring(start + 3, end).replaceAll("(?m)^\\s*\\*", " ");
		text = text.split("<p>|\\s@[a-z]+\\s", 2)[0];
		text = INLINE_TAG.matcher(text).replaceAll("$1").replaceAll("\\s+", " ").strip();
		return text.isEmpty() ? Optional.empty() : Optional.of(text);
	}

	private static String read(Path source) {
		try {
			return Files.readString(source);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
