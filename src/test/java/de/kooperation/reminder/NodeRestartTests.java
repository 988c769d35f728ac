package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.kooperation.KooperationApplication;
import de.kooperation.StartsItsOwnApplication;

/**
 * A node that died while it held jobs, started again on the same database: it takes up the jobs its
 * previous run had locked at once instead of after the lock time (5 minutes), and leaves the jobs
 * locked by another node alone. The previous run's locks are set the way a killed node leaves them.
 */
@StartsItsOwnApplication
class NodeRestartTests {

	@TempDir
	Path dataDir;

	@Test
	void aRestartedNodeRunsTheJobsItsDeadPredecessorHadLockedAndLeavesOtherNodesLocksAlone() throws Exception {
		String owner;
		String ownJob;
		String othersJob;
		try (ConfigurableApplicationContext first = start(false)) {
			owner = lockOwnerOf(first);
			ownJob = timerOf(first, ReminderProcess.SWEEP_KEY).getId();
			othersJob = timerOf(first, ReminderProcess.DIGEST_KEY).getId();
			// due a minute ago, locked for another five minutes: by this node, and by a node elsewhere
			lock(first, ownJob, owner);
			lock(first, othersJob, "node-elsewhere:8080");
		}
		assertThat(owner).as("the node's lock owner").isEqualTo("node-r:0");

		try (ConfigurableApplicationContext second = start(true)) {
			assertThat(lockOwnerOf(second)).as("lock owner after the restart").isEqualTo(owner);
			ProcessEngine engine = second.getBean(ProcessEngine.class);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (engine.getHistoryService().createHistoricJobLogQuery().jobId(ownJob).successLog().count() == 0
					&& System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			assertThat(engine.getHistoryService().createHistoricJobLogQuery().jobId(ownJob).successLog().list())
				.as("its own job, run after the restart").singleElement()
				.satisfies(log -> assertThat(log.getHostname()).isEqualTo("node-r"));
			Job others = engine.getManagementService().createJobQuery().jobId(othersJob).singleResult();
			assertThat(others).as("the other node's job, still there").isNotNull();
			assertThat(JdbcClient.create(second.getBean(DataSource.class)).sql("select lock_owner_ from act_ru_job where id_ = ?")
				.param(othersJob).query(String.class).single()).isEqualTo("node-elsewhere:8080");
		}
	}

	private ConfigurableApplicationContext start(boolean jobExecutor) {
		return new SpringApplicationBuilder(KooperationApplication.class).run(
				"--kooperation.data-dir=" + dataDir,
				"--kooperation.demo-data=false",
				"--server.port=0",
				"--kooperation.mail.embedded-port=0",
				"--spring.main.banner-mode=off",
				// a name of its own: engines register JVM-wide by name, other test contexts use "default"
				"--camunda.bpm.process-engine-name=noderestart",
				"--camunda.bpm.generic-properties.properties.hostname=node-r",
				"--camunda.bpm.job-execution.enabled=" + jobExecutor,
				"--camunda.bpm.job-execution.wait-time-in-millis=200",
				"--camunda.bpm.job-execution.max-wait=1000");
	}

	private static String lockOwnerOf(ConfigurableApplicationContext app) {
		return ((ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor()
			.getLockOwner();
	}

	private static Job timerOf(ConfigurableApplicationContext app, String processKey) {
		return app.getBean(ProcessEngine.class).getManagementService().createJobQuery().processDefinitionKey(processKey).singleResult();
	}

	private static void lock(ConfigurableApplicationContext app, String jobId, String owner) {
		Instant now = Instant.now();
		JdbcClient.create(app.getBean(DataSource.class))
			.sql("update act_ru_job set lock_owner_ = ?, lock_exp_time_ = ?, duedate_ = ? where id_ = ?")
			.params(owner, Timestamp.from(now.plus(Duration.ofMinutes(5))), Timestamp.from(now.minus(Duration.ofMinutes(1))), jobId)
			.update();
	}

}
