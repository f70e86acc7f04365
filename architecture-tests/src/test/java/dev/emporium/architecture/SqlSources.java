package dev.emporium.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.AbstractClassesTransformer;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the SQL of a modular system: the migrations under
 * {@code <root package as path>/db/migration/<module>/*.sql} if that folder exists (the
 * fixtures), else under {@code db/migration/<module>/*.sql} (the application, as Spring
 * Modulith's per-module Flyway support reads them), plus every {@code @Query} value on
 * the system's classes.
 */
class SqlSources extends AbstractClassesTransformer<SqlSource> {

	private static final String DEFAULT_LOCATION = "db/migration";

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	SqlSources() {
		super("module SQL (migrations and @Query values)");
	}

	@Override
	public Iterable<SqlSource> doTransform(JavaClasses classes) {
		Set<JavaPackage> roots = new LinkedHashSet<>();
		List<SqlSource> sources = new ArrayList<>();
		for (JavaClass type : classes) {
			Modules.rootOf(type).ifPresent(roots::add);
			Modules.moduleOf(type)
				.ifPresent(module -> type.getMethods()
					.forEach(method -> queries(method).forEach(query -> sources.add(new SqlSource(module,
							SqlSource.schemaOf(module), method.getFullName() + " @Query", 1, query)))));
		}
		roots.forEach(root -> sources.addAll(migrations(root)));
		return sources;
	}

	private static List<String> queries(JavaMethod method) {
		return method.getAnnotations()
			.stream()
			.filter(annotation -> annotation.getRawType().getName().startsWith("org.springframework.data.")
					&& annotation.getRawType().getSimpleName().equals("Query"))
			.flatMap(annotation -> annotation.get("value").stream())
			.map(String::valueOf)
			.filter(query -> !query.isBlank())
			.toList();
	}

	private List<SqlSource> migrations(JavaPackage root) {
		String own = root.getName().replace('.', '/') + "/" + DEFAULT_LOCATION;
		String location = resolver.getResource("classpath:" + own).exists() ? own : DEFAULT_LOCATION;
		try {
			Resource[] files = resolver.getResources("classpath*:" + location + "/**/*.sql");
			List<SqlSource> sources = new ArrayList<>();
			for (Resource file : files) {
				String path = file.getURL().toString();
				String relative = path.substring(path.lastIndexOf(location + "/") + location.length() + 1);
				String module = relative.contains("/") ? relative.substring(0, relative.indexOf('/'))
						: SqlSource.ROOT_MIGRATIONS;
				sources.add(new SqlSource(module, SqlSource.schemaOf(module), location + "/" + relative, 1,
						file.getContentAsString(StandardCharsets.UTF_8)));
			}
			sources.sort(Comparator.comparing(SqlSource::origin));
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
