package de.kooperation.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL schema for one Spring context (or one cluster of them), so test runs
 * never see each other's data, even when several run on one server at the same time. The name
 * carries its creation time: schemas of runs that were killed before they could drop theirs are
 * dropped by a later run once they are a day old.
 *
 * <p>Server: {@code KOOPERATION_DB_URL}, {@code KOOPERATION_DB_USER}, {@code KOOPERATION_DB_PASSWORD}
 * (environment or system property), defaults as in {@code application-postgres.yaml}: the local
 * test server {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}, no password.
 */
public final class PostgresTestSchema implements AutoCloseable {

	static final String PREFIX = "kt_";

	static final String KEEP = "kooperation.test.keep-schema";

	private static final Duration STALE = Duration.ofHours(24);

	private final String baseUrl;

	private final String user;

	private final String password;

	private final String name;

	private PostgresTestSchema(String baseUrl, String user, String password, String name) {
		this.baseUrl = baseUrl;
		this.user = user;
		this.password = password;
		this.name = name;
	}

	/** Creates a new schema on the configured server. */
	public static PostgresTestSchema create() {
		String baseUrl = setting("KOOPERATION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = setting("KOOPERATION_DB_USER", "postgres");
		String password = setting("KOOPERATION_DB_PASSWORD", "");
		String name = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().substring(0, 8);
		PostgresTestSchema schema = new PostgresTestSchema(baseUrl, user, password, name);
		schema.execute(statement -> {
			dropStale(statement);
			statement.execute("create schema " + name);
		});
		return schema;
	}

	private static String setting(String key, String fallback) {
		String value = System.getProperty(key, System.getenv(key));
		return value == null || value.isBlank() ? fallback : value;
	}

	public String name() {
		return name;
	}

	/** The server's URL with this schema as the only one on the search path. */
	public String url() {
		return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
	}

	public String user() {
		return user;
	}

	public String password() {
		return password;
	}

	/** A plain connection to this schema (for checks the engine's API does not offer). */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), user, password);
	}

	/**
	 * Drops the schema with everything in it, unless the run asked to keep it for a look in psql
	 * ({@code -Dkooperation.test.keep-schema=true}, e.g. after a benchmark; dropped a day later).
	 */
	@Override
	public void close() {
		if (Boolean.getBoolean(KEEP)) {
			System.out.println("PostgreSQL schema kept for inspection: " + name);
			return;
		}
		execute(statement -> statement.execute("drop schema if exists " + name + " cascade"));
	}

	private static void dropStale(Statement statement) throws SQLException {
		List<String> stale = new ArrayList<>();
		try (var rows = statement.executeQuery("select nspname from pg_namespace where nspname like '" + PREFIX + "%'")) {
			while (rows.next()) {
				String schema = rows.getString(1);
				String[] parts = schema.split("_");
				try {
					if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(Instant.now().minus(STALE))) {
						stale.add(schema);
					}
				}
				catch (RuntimeException notOurs) {
					// another naming scheme: leave it alone
				}
			}
		}
		for (String schema : stale) {
			statement.execute("drop schema if exists " + schema.toLowerCase(Locale.ROOT) + " cascade");
		}
	}

	private interface SqlWork {

		void run(Statement statement) throws SQLException;

	}

	private void execute(SqlWork work) {
		try (Connection connection = DriverManager.getConnection(baseUrl, user, password);
				Statement statement = connection.createStatement()) {
			work.run(statement);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL at " + baseUrl + " (user " + user + "): " + e.getMessage()
					+ " — is the server running? (.ci/run starts it; -Dpostgres.skip skips the PostgreSQL tests)", e);
		}
	}

}
