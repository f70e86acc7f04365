package dev.emporium.architecture;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Checks that a module's SQL names no other module's schema: no schema-qualified name of
 * another schema (tables, foreign keys, joins, views, indexes, schemas), and no
 * unqualified reference to a table that only another schema defines.
 */
class OwnSchemaOnly extends ArchCondition<SqlSource> {

	private static final String IDENT = "(\"[^\"]+\"|[a-z_][a-z0-9_$]*)";

	private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.\"])" + IDENT + "\\s*\\.\\s*" + IDENT);

	/** PostgreSQL's own schemas, which every module may read. */
	private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema");

	/** Keywords after which a qualified name is always schema.relation. */
	private static final Pattern RELATION_KEYWORD = Pattern
		.compile("(?:from|join|references|into|update|table|view|exists|sequence|only|type)\\s+$", Pattern.DOTALL);

	private static final Pattern CREATE_TABLE = Pattern
		.compile("create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + IDENT + "\\s*\\.\\s*" + IDENT);

	private static final Pattern SCHEMA = Pattern
		.compile("\\bschema\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?" + IDENT + "(?!\\s*\\.)");

	private static final Pattern UNQUALIFIED = Pattern
		.compile("\\b(from|join|references)\\s+(?:only\\s+)?" + IDENT + "(?![\\w$]|\\s*\\.)");

	private final Set<String> knownSchemas = new HashSet<>(Set.of(SqlSource.PLATFORM_SCHEMA));

	private final Map<String, Set<String>> schemasByTable = new HashMap<>();

	OwnSchemaOnly() {
		super("touch only their module's own schema");
	}

	@Override
	public void init(Collection<SqlSource> sources) {
		for (SqlSource source : sources) {
			knownSchemas.add(source.schema());
			String sql = normalised(source.text());
			Matcher table = CREATE_TABLE.matcher(sql);
			while (table.find()) {
				schemasByTable.computeIfAbsent(unquoted(table.group(2)), name -> new HashSet<>())
					.add(unquoted(table.group(1)));
			}
			Matcher schema = SCHEMA.matcher(sql);
			while (schema.find()) {
				knownSchemas.add(unquoted(schema.group(1)));
			}
		}
	}

	@Override
	public void check(SqlSource source, ConditionEvents events) {
		String sql = normalised(source.text());
		Matcher qualified = QUALIFIED.matcher(sql);
		while (qualified.find()) {
			String schema = unquoted(qualified.group(1));
			boolean namesARelation = RELATION_KEYWORD
				.matcher(sql.substring(Math.max(0, qualified.start() - 20), qualified.start()))
				.find();
			if (!schema.equals(source.schema()) && !SYSTEM_SCHEMAS.contains(schema)
					&& (namesARelation || knownSchemas.contains(schema))) {
				report(events, source, qualified.start(), "uses schema " + schema + " in '" + qualified.group() + "'");
			}
		}
		Matcher schema = SCHEMA.matcher(sql);
		while (schema.find()) {
			if (!unquoted(schema.group(1)).equals(source.schema())) {
				report(events, source, schema.start(), "names schema " + unquoted(schema.group(1)));
			}
		}
		Matcher unqualified = UNQUALIFIED.matcher(sql);
		while (unqualified.find()) {
			Set<String> owners = schemasByTable.getOrDefault(unquoted(unqualified.group(2)), Set.of());
			if (!owners.isEmpty() && !owners.contains(source.schema())) {
				report(events, source, unqualified.start(), "refers to table " + unquoted(unqualified.group(2))
						+ " of schema " + String.join("/", owners) + " in '" + unqualified.group() + "'");
			}
		}
	}

	private static void report(ConditionEvents events, SqlSource source, int offset, String what) {
		events.add(SimpleConditionEvent.violated(source, "SQL of module %s at %s %s, but may only use schema %s"
			.formatted(source.module(), source.at(offset), what, source.schema())));
	}

	/**
	 * Lower case, with comments and string literals blanked out so offsets keep their
	 * lines.
	 */
	static String normalised(String sql) {
		StringBuilder out = new StringBuilder(sql.toLowerCase(Locale.ROOT));
		blank(out, Pattern.compile("--[^\n]*"));
		blank(out, Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL));
		blank(out, Pattern.compile("'(?:[^']|'')*'"));
		return out.toString();
	}

	private static void blank(StringBuilder sql, Pattern pattern) {
		Matcher matcher = pattern.matcher(sql.toString());
		while (matcher.find()) {
			for (int i = matcher.start(); i < matcher.end(); i++) {
				if (sql.charAt(i) != '\n') {
					sql.setCharAt(i, ' ');
				}
			}
		}
	}

	private static String unquoted(String identifier) {
		return identifier.replace("\"", "");
	}

}
