package de.kooperation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import de.kooperation.reminder.EmbeddedMailServer;

/**
 * A node that starts while another one is starting on the same PostgreSQL schema waits before it
 * touches any table: its own (Flyway) as well as the engine's. Had Flyway run first, two nodes on
 * an empty schema would both try to create or baseline its history table, and one failed to start
 * (CI saw it). Runs in the PostgreSQL test run of {@code mvn verify} (tag {@value ClusterTests#TAG}).
 */
@Tag(ClusterTests.TAG)
class StartupLockTests {

	private static final String LOCK = "select pg_advisory_lock(hashtext('kooperation-startup:' || current_schema()))";

	@Test
	void aNodeStartingWhileAnotherIsStartingCreatesNoTableUntilTheOtherIsReady() throws Exception {
		ClusterSupport.Database database = ClusterSupport.Database.freshPostgresSchema();
		ExecutorService starter = Executors.newSingleThreadExecutor();
		try (ClusterSupport cluster = new ClusterSupport(database, new EmbeddedMailServer(0));
				Connection otherNode = database.connect()) {
			// the other node is in the middle of its startup: it holds the lock
			try (Statement statement = otherNode.createStatement()) {
				statement.execute(LOCK);
			}

			Future<ClusterNode> starting = starter.submit(() -> cluster.node("node-late", Map.of()));
			cluster.await("the late node waiting for the startup lock", Duration.ofMinutes(2),
					() -> waitingForAnAdvisoryLock(otherNode));

			assertThat(tablesIn(otherNode, database.postgresSchema())).as("tables created while the other node starts").isZero();
			assertThat(starting.isDone()).isFalse();

			try (Statement statement = otherNode.createStatement()) {
				statement.execute("select pg_advisory_unlock_all()");
			}
			ClusterNode late = starting.get(3, TimeUnit.MINUTES);

			assertThat(tablesIn(otherNode, database.postgresSchema())).as("tables after the late node started").isPositive();
			assertThat(late.engine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("collaboration").count())
				.isEqualTo(1);
		}
		finally {
			starter.shutdownNow();
		}
	}

	private static boolean waitingForAnAdvisoryLock(Connection connection) {
		try (Statement statement = connection.createStatement();
				// someone waits for the advisory lock this session holds
				ResultSet rows = statement.executeQuery("select count(*) from pg_locks waiting join pg_locks held"
						+ " on held.locktype = 'advisory' and held.granted and held.pid = pg_backend_pid()"
						+ " and held.classid = waiting.classid and held.objid = waiting.objid and held.database = waiting.database"
						+ " where waiting.locktype = 'advisory' and not waiting.granted")) {
			rows.next();
			return rows.getInt(1) > 0;
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private static int tablesIn(Connection connection, String schema) throws SQLException {
		try (java.sql.PreparedStatement statement = connection.prepareStatement(
				"select count(*) from information_schema.tables where table_schema = ?")) {
			statement.setString(1, schema);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
