package dev.emporium.platform.datamove;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One side of a move: a PostgreSQL database, named by a JDBC URL or found as the running
 * embedded server of a data directory (its {@code postmaster.pid} gives the port).
 */
final class Database implements AutoCloseable {

	private final String name;

	private final String host;

	private final int port;

	private final String database;

	private final String user;

	private final String password;

	private final Connection connection;

	private Database(String name, String host, int port, String database, String user, String password) {
		this.name = name;
		this.host = host;
		this.port = port;
		this.database = database;
		this.user = user;
		this.password = password;
		var properties = new Properties();
		properties.setProperty("user", user);
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("ApplicationName", "bin/extract");
		// Checksums compare the text of timestamps: the same zone on both sides.
		properties.setProperty("options", "-c TimeZone=UTC");
		try {
			this.connection = DriverManager.getConnection(jdbcUrl(), properties);
		}
		catch (SQLException ex) {
			throw new DataMoveException("cannot connect to the " + name + " database at " + jdbcUrl() + ": "
					+ ex.getMessage().lines().findFirst().orElse(""), ex);
		}
	}

	/** A server the user runs, as the application is given it. */
	static Database at(String name, String url, String user, String password) {
		URI parsed;
		try {
			parsed = url.startsWith("jdbc:postgresql://") ? URI.create(url.substring("jdbc:".length())) : null;
		}
		catch (IllegalArgumentException ex) {
			parsed = null;
		}
		if (parsed == null || parsed.getHost() == null) {
			throw new DataMoveException("the " + name + " database URL '" + url
					+ "' is no PostgreSQL JDBC URL of one host (jdbc:postgresql://host:port/database)");
		}
		var database = (parsed.getPath() == null || parsed.getPath().length() <= 1) ? "postgres"
				: parsed.getPath().substring(1);
		return new Database(name, parsed.getHost(), (parsed.getPort() < 0) ? 5432 : parsed.getPort(), database,
				(user == null || user.isBlank()) ? "postgres" : user, password);
	}

	/**
	 * The embedded server that a running application started on this data directory.
	 */
	static Database embedded(String name, Path dataDirectory, String hint) {
		var pidFile = dataDirectory.resolve("postmaster.pid");
		List<String> lines;
		try {
			lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
		}
		catch (IOException ex) {
			throw new DataMoveException("cannot read " + pidFile + ": " + ex.getMessage(), ex);
		}
		var running = lines.size() >= 4 && lines.get(0).trim().matches("\\d+")
				&& ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
		if (!running) {
			throw new DataMoveException("no embedded PostgreSQL runs on " + dataDirectory.toAbsolutePath() + " (" + name
					+ " database): " + hint);
		}
		return new Database(name, "localhost", Integer.parseInt(lines.get(3).trim()), "postgres", "postgres", null);
	}

	String name() {
		return name;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	/**
	 * How the other server reaches this one, for a subscription: libpq's key/value form.
	 */
	String conninfo() {
		var info = new StringBuilder();
		info.append("host=").append(quoted(host)).append(" port=").append(port);
		info.append(" dbname=").append(quoted(database)).append(" user=").append(quoted(user));
		if (password != null && !password.isEmpty()) {
			info.append(" password=").append(quoted(password));
		}
		return info.toString();
	}

	private static String quoted(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	void execute(String sql, Object... parameters) {
		try (var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.execute();
		}
		catch (SQLException ex) {
			throw failure(sql, ex);
		}
	}

	/** The rows of a query, each as its columns' values. */
	List<List<Object>> query(String sql, Object... parameters) {
		try (var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				var result = new ArrayList<List<Object>>();
				var columns = rows.getMetaData().getColumnCount();
				while (rows.next()) {
					var row = new ArrayList<Object>();
					for (int i = 1; i <= columns; i++) {
						row.add(rows.getObject(i));
					}
					result.add(row);
				}
				return result;
			}
		}
		catch (SQLException ex) {
			throw failure(sql, ex);
		}
	}

	/** The first column of the first row, or null. */
	Object value(String sql, Object... parameters) {
		var rows = query(sql, parameters);
		return rows.isEmpty() ? null : rows.get(0).get(0);
	}

	long count(String sql, Object... parameters) {
		var value = value(sql, parameters);
		return (value == null) ? 0 : ((Number) value).longValue();
	}

	private DataMoveException failure(String sql, SQLException ex) {
		var statement = sql.strip().lines().findFirst().orElse("");
		return new DataMoveException("the " + name + " database refused '" + statement + "': "
				+ ex.getMessage().lines().findFirst().orElse(""), ex);
	}

	@Override
	public void close() {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// Closing at the end of the run: nothing left to do with it.
		}
	}

	static String identifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

}
