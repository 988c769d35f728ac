package de.kooperation.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Cluster nodes that start at the same moment on one PostgreSQL database take turns from the
 * engine's start to the application being ready. Without it, two nodes on a new database both
 * find no admin user, no Tasklist filter, no agency group, and both create them: one of them fails
 * to start (or the filter exists twice). Camunda guards its own deployments and job acquisition,
 * not these check-then-create steps at startup. Flyway's migration of our own tables is one of
 * them too: its "baseline a non-empty schema" decision is taken before its own lock, so a second
 * node could try to baseline the history table the first one has just filled.
 *
 * <p>A PostgreSQL advisory lock, held on a connection of its own from before the engine creates
 * or checks its tables until the application is ready (after every startup runner) or fails; it is
 * keyed by the schema, so applications on other schemas of the same database do not wait. A node
 * that dies while holding it loses its connection, and with it the lock. No-op on H2.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupLock extends AbstractProcessEnginePlugin implements FlywayMigrationStrategy, DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

	private final DataSource dataSource;

	private Connection held;

	StartupLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		acquire();
	}

	@Override
	public void migrate(Flyway flyway) {
		acquire();
		flyway.migrate();
	}

	synchronized void acquire() {
		if (held != null) {
			return;
		}
		try {
			Connection connection = dataSource.getConnection();
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				connection.close();
				return;
			}
			connection.setAutoCommit(true);
			long started = System.nanoTime();
			try (Statement statement = connection.createStatement()) {
				statement.execute("select pg_advisory_lock(hashtext('kooperation-startup:' || current_schema()))");
			}
			long waited = (System.nanoTime() - started) / 1_000_000;
			if (waited > 100) {
				LOG.info("Startup waited {} ms for another node of the cluster to finish its startup", waited);
			}
			held = connection;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Startup lock: " + e.getMessage(), e);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void release() {
		if (held == null) {
			return;
		}
		Connection connection = held;
		held = null;
		try {
			try (Statement statement = connection.createStatement()) {
				statement.execute("select pg_advisory_unlock(hashtext('kooperation-startup:' || current_schema()))");
			}
			connection.close();
		}
		catch (SQLException e) {
			// the pool must not hand out a session that still holds the lock: end the session itself
			LOG.warn("Startup lock: release failed ({}); closing its database session instead", e.getMessage());
			try {
				connection.unwrap(Connection.class).close();
				connection.close();
			}
			catch (SQLException ignored) {
				// the session is gone either way
			}
		}
	}

	/** A start that failed never becomes ready: release when the context goes down. */
	@Override
	public void destroy() {
		release();
	}

}
