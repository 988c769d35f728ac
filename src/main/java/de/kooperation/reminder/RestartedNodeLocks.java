package de.kooperation.reminder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A node that died (kill -9, power loss) leaves the jobs it had locked with its lock owner until
 * the lock time (5 minutes) has passed: reminder mails wait that long, on a single node also after
 * its restart. Here the job executor's lock owner is the node's name, the same after a restart
 * (Camunda's default is a new random one each start), and at startup, before the job executor
 * runs, the node frees the jobs its own previous run had locked: a running node never shares its
 * name, so these can only be left over from a run that died.
 *
 * <p>The name: {@code kooperation.job-lock-owner}, by default the engine's hostname (IP address and
 * engine name, or {@code camunda.bpm.generic-properties.properties.hostname}) and the server port,
 * so that two nodes on one machine differ. Two running nodes must never have the same name.
 */
@Component
class RestartedNodeLocks extends AbstractProcessEnginePlugin {

	private static final Logger LOG = LoggerFactory.getLogger(RestartedNodeLocks.class);

	private final String configuredOwner;

	private final String port;

	private ProcessEngineConfigurationImpl configuration;

	RestartedNodeLocks(@Value("${kooperation.job-lock-owner:}") String configuredOwner, @Value("${server.port:8080}") String port) {
		this.configuredOwner = configuredOwner;
		this.port = port;
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
		JobExecutor jobExecutor = configuration.getJobExecutor();
		if (jobExecutor != null) {
			jobExecutor.setLockOwner(lockOwner(configuration));
		}
	}

	String lockOwner(ProcessEngineConfigurationImpl configuration) {
		return configuredOwner.isBlank() ? configuration.getHostname() + ":" + port : configuredOwner;
	}

	/** After the engine is built, before the job executor starts (on the application's start). */
	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		JobExecutor jobExecutor = configuration.getJobExecutor();
		if (jobExecutor == null) {
			return;
		}
		String owner = jobExecutor.getLockOwner();
		// REV_ + 1: a node still holding such a job in memory would fail to commit it (optimistic locking)
		String sql = "update " + configuration.getDatabaseTablePrefix()
				+ "ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1 where LOCK_OWNER_ = ?";
		try (Connection connection = configuration.getDataSource().getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, owner);
			int released = statement.executeUpdate();
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			if (released > 0) {
				LOG.info("Released {} jobs that this node ({}) had locked before it stopped without finishing them", released, owner);
			}
		}
		catch (SQLException e) {
			throw new ProcessEngineException("Could not release the jobs locked by a previous run of node " + owner, e);
		}
	}

}
