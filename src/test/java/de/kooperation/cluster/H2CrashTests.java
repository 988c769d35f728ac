package de.kooperation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.kooperation.StartsItsOwnApplication;
import de.kooperation.reminder.EmbeddedMailServer;

/**
 * The crash of {@link ClusterTests} on the default database: one node on an H2 file (embedded H2
 * lets one process at a time open it, so there is no second node to take over) is killed (SIGKILL)
 * in the middle of a burst of reminders and started again on the same file, with the production
 * lock time of 5 minutes. While the node runs this test sees only the mail server; it reads the
 * database only when no node has it open.
 */
@StartsItsOwnApplication
class H2CrashTests {

	private static final String NODE = "node-h2";

	@TempDir
	Path dataDir;

	ClusterSupport cluster;

	@AfterEach
	void stopNodes() {
		ClockUtil.reset();
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void aNodeKilledWhileSendingAndStartedAgainOnTheSameFileLosesNoReminderAndReleasesItsLocks() {
		cluster = new ClusterSupport(ClusterSupport.Database.h2File(dataDir), new EmbeddedMailServer(0));
		LocalDate dueDay = LocalDate.of(2031, 3, 18);
		Set<String> taskIds;
		// the work is set up by the node with its job executor off, then the node stops and frees the file
		try (ClusterNode setup = cluster.node(NODE, Map.of("camunda.bpm.job-execution.enabled", "false"))) {
			cluster.deployWork(setup);
			cluster.recipient(setup);
			cluster.clockAt(dueDay.atTime(7, 0));
			taskIds = cluster.startWork(setup, 300, dueDay.atTime(17, 0));
		}
		assertThat(taskIds).hasSize(300);
		cluster.clearMail();
		Map<String, String> productionLocks = Map.of("camunda.bpm.job-execution.lock-time-in-millis", "300000");
		cluster.clockAt(dueDay.atTime(9, 0));

		ForkedNode first = cluster.fork(NODE, productionLocks);
		first.awaitStarted(Duration.ofMinutes(3));
		cluster.await("the node sending", Duration.ofMinutes(3), () -> cluster.mailCount() >= 20);
		first.kill();
		long killed = System.nanoTime();
		// a mail whose last line had reached the server before the kill is stored by it a moment later
		ClusterSupport.sleep(1000);
		int mailsBeforeKill = cluster.mailCount();
		Set<String> leftLocked = cluster.jobsLockedByOthersThan("-");
		Map<String, Integer> remindersAtKill = cluster.remindersByStatus(dueDay.atTime(17, 0));

		// the same node (same name, same file) starts again
		ForkedNode again = cluster.fork(NODE, productionLocks);
		again.awaitStarted(Duration.ofMinutes(3));
		Duration unusable = Duration.ofNanos(System.nanoTime() - killed);
		long restarted = System.nanoTime();
		cluster.await("a mail for every task", Duration.ofMinutes(4), () -> cluster.mailsPerTask().keySet().containsAll(taskIds));
		Duration allSent = Duration.ofNanos(System.nanoTime() - restarted);
		awaitQuiet(Duration.ofSeconds(5));
		// a normal stop (SIGTERM), after which the file is free again for the checks below
		again.stop();

		Map<String, Integer> perTask = cluster.mailsPerTask();
		List<String> duplicates = perTask.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList();
		System.out.println("H2: node killed after " + mailsBeforeKill + " mails, holding " + leftLocked.size()
				+ " jobs locked, reminders " + remindersAtKill + "; restarted after " + unusable.toMillis() / 1000.0
				+ " s, all sent " + allSent.toMillis() / 1000.0 + " s later; " + cluster.mailCount() + " mails, lost "
				+ taskIds.stream().filter(task -> !perTask.containsKey(task)).count() + ", sent twice " + duplicates.size());
		assertThat(leftLocked).as("jobs the killed node had locked").isNotEmpty();
		assertThat(taskIds).as("tasks without mail").allSatisfy(task -> assertThat(perTask).containsKey(task));
		assertThat(allSent).as("from the restart until all was sent: the locks were not waited out").isLessThan(Duration.ofMinutes(4));
		// sent twice: only a mail that had left before the kill while its reminder's SENT had not reached the file
		assertThat(duplicates.size()).as("mails sent twice")
			.isLessThanOrEqualTo(mailsBeforeKill - remindersAtKill.getOrDefault("SENT", 0));
		assertThat(cluster.mailCount()).as("mails").isEqualTo(300 + perTask.values().stream().mapToInt(n -> n - 1).sum());
		Map<String, Set<String>> messageIds = cluster.messageIdsPerTask();
		assertThat(duplicates).as("a mail sent twice has one Message-ID")
			.allSatisfy(task -> assertThat(messageIds.get(task)).hasSize(1));
		assertThat(cluster.remindersByStatus(dueDay.atTime(17, 0))).isEqualTo(Map.of("SENT", 300));
		assertThat(cluster.mailLogRows(dueDay.atTime(17, 0))).as("rows in the Postausgang").isEqualTo(300);
		assertThat(cluster.jobsLockedByOthersThan("-")).as("jobs still locked after the restarted node stopped").isEmpty();
		assertThat(cluster.successfulNodesOf(leftLocked)).as("who ran the killed node's jobs").containsExactly(NODE);
	}

	/** Until no mail has arrived for that long: a second copy of a mail would come in the meantime. */
	private void awaitQuiet(Duration quiet) {
		int count = cluster.mailCount();
		long since = System.nanoTime();
		while (System.nanoTime() - since < quiet.toNanos()) {
			ClusterSupport.sleep(200);
			if (cluster.mailCount() != count) {
				count = cluster.mailCount();
				since = System.nanoTime();
			}
		}
	}

}
