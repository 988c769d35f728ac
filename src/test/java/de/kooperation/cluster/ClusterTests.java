package de.kooperation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import de.kooperation.reminder.EmbeddedMailServer;

/**
 * Two application nodes on one PostgreSQL schema, as Camunda 7 clusters: a shared database and a
 * job executor on every node. Both nodes start at the same moment; then the tests run in order,
 * the last one stops node B. Runs in the PostgreSQL test run of {@code mvn verify} (tag
 * {@value #TAG}).
 */
@Tag(ClusterTests.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTests {

	static final String TAG = "cluster";

	static ClusterSupport cluster;

	static ClusterNode a;

	static ClusterNode b;

	@BeforeAll
	static void twoNodesStartAtTheSameMoment() throws Exception {
		cluster = new ClusterSupport(ClusterSupport.Database.freshPostgresSchema(), new EmbeddedMailServer(0));
		ExecutorService starter = Executors.newFixedThreadPool(2);
		try {
			Future<ClusterNode> startingA = starter.submit(() -> cluster.node("node-a", Map.of()));
			Future<ClusterNode> startingB = starter.submit(() -> cluster.node("node-b", Map.of()));
			a = startingA.get(5, TimeUnit.MINUTES);
			b = startingB.get(5, TimeUnit.MINUTES);
		}
		finally {
			starter.shutdown();
		}
		cluster.deployWork(a);
		cluster.recipient(a);
	}

	@AfterAll
	static void stopNodesAndDropSchema() {
		ClockUtil.reset();
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	@Order(1)
	void twoNodesStartingAtOnceDeployEachProcessAndFormOnce() {
		Map<String, Integer> processes = cluster.countsByKey("act_re_procdef");
		assertThat(processes).containsKeys("collaboration", "agreement", ClusterSupport.REMINDER, ClusterSupport.SWEEP);
		assertThat(processes).allSatisfy((key, versions) -> assertThat(versions).as("versions of %s", key).isEqualTo(1));
		Map<String, Integer> forms = cluster.countsByKey("act_re_camformdef");
		assertThat(forms).isNotEmpty().allSatisfy((key, versions) -> assertThat(versions).as("versions of form %s", key).isEqualTo(1));
		// one sweep timer, not one per node
		assertThat(a.engine().getManagementService().createJobQuery().processDefinitionKey(ClusterSupport.SWEEP).count()).isEqualTo(1);
	}

	@Test
	@Order(2)
	void aTaskCompletedOnOneNodeIsGoneOnTheOtherAtOnce() {
		ProcessInstance work = cluster.startWork(a, LocalDateTime.now().plusDays(3));
		Task onB = b.engine().getTaskService().createTaskQuery().processInstanceId(work.getId()).singleResult();
		assertThat(onB).as("task started on A, seen on B").isNotNull();

		a.engine().getTaskService().complete(onB.getId());

		assertThat(b.engine().getTaskService().createTaskQuery().processInstanceId(work.getId()).count()).isZero();
		assertThat(b.engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(work.getId()).count()).isZero();
		assertThat(b.engine().getHistoryService().createHistoricTaskInstanceQuery().taskId(onB.getId()).finished().count()).isEqualTo(1);
	}

	@Test
	@Order(3)
	void aThousandRemindersDueAtOnceAreSentExactlyOnceByBothNodesTogether() {
		// Tuesday 4 March 2031, no holiday: the tasks are due today, so at 09:00 each is owed its "due today" mail
		LocalDate dueDay = LocalDate.of(2031, 3, 4);
		cluster.clockAt(dueDay.atTime(7, 0));
		Set<String> taskIds = cluster.startWork(a, 1000, dueDay.atTime(17, 0));
		cluster.clearMail();

		// the sweep's timer is due: one node sweeps, then both send
		cluster.clockAt(dueDay.atTime(9, 0));
		ClusterSupport.Outcome outcome = cluster.awaitReminders(a, taskIds, dueDay.atTime(17, 0), Duration.ofMinutes(5));

		assertThat(outcome.lost()).as("tasks without mail").isEmpty();
		assertThat(outcome.duplicates()).as("tasks with more than one mail").isEmpty();
		assertThat(outcome.mails()).isEqualTo(1000);
		assertThat(cluster.remindersByStatus(dueDay.atTime(17, 0))).isEqualTo(Map.of("SENT", 1000));
		assertThat(cluster.mailLogRows(dueDay.atTime(17, 0))).isEqualTo(1000);
		Map<String, Integer> jobsByNode = cluster.reminderJobsByNode();
		System.out.println("1,000 reminders: sending jobs per node " + jobsByNode + ", " + outcome);
		assertThat(jobsByNode.keySet()).as("nodes that sent").containsExactlyInAnyOrder("node-a", "node-b");
		assertThat(a.engine().getManagementService().createJobQuery().withException().count()).isZero();

		cluster.deleteWork(a);
	}

	@Test
	@Order(4)
	void whenANodeDiesInTheMiddleTheOthersFinishItsJobsAfterTheLockTime() {
		LocalDate dueDay = LocalDate.of(2031, 3, 11);
		cluster.clockAt(dueDay.atTime(7, 0));
		Set<String> taskIds = cluster.startWork(a, 300, dueDay.atTime(17, 0));
		cluster.clearMail();

		// A and B pause; node C, in a JVM of its own, sweeps and sends alone until it is killed. Jobs a
		// dead node had locked wait for their lock to expire: 5 seconds here instead of the default 5 minutes.
		String ownerA = a.jobExecutor().getLockOwner();
		String ownerB = b.jobExecutor().getLockOwner();
		a.jobExecutor().shutdown();
		b.jobExecutor().shutdown();
		cluster.clockAt(dueDay.atTime(9, 0));
		ForkedNode c = cluster.fork("node-c", Map.of("camunda.bpm.job-execution.lock-time-in-millis", "5000"));
		c.awaitStarted(Duration.ofMinutes(3));
		cluster.await("node C sending, with jobs locked", Duration.ofMinutes(3),
				() -> cluster.successfulJobsOf("node-c") >= 20 && !cluster.jobsLockedByOthersThan(ownerA, ownerB).isEmpty());
		c.kill();
		Set<String> leftByC = cluster.jobsLockedByOthersThan(ownerA, ownerB);
		int doneByC = cluster.successfulJobsOf("node-c");
		a.jobExecutor().start();
		b.jobExecutor().start();

		ClusterSupport.Outcome outcome = cluster.awaitReminders(a, taskIds, dueDay.atTime(17, 0), Duration.ofMinutes(3));

		System.out.println("node C killed after " + doneByC + " jobs, holding " + leftByC.size() + " locked; " + outcome);
		assertThat(leftByC).as("jobs C had locked when it died").isNotEmpty();
		assertThat(cluster.successfulNodesOf(leftByC)).as("who finished C's jobs").isNotEmpty().doesNotContain("node-c");
		assertThat(outcome.lost()).as("tasks without mail").isEmpty();
		// a job killed after its mail had left but before its commit runs again elsewhere: at least once
		assertThat(outcome.duplicates().size()).as("mails sent twice").isLessThanOrEqualTo(leftByC.size());
		assertThat(cluster.remindersByStatus(dueDay.atTime(17, 0))).isEqualTo(Map.of("SENT", 300));
	}

	@Test
	@Order(5)
	void aNodeKilledWhileSendingAndStartedAgainSendsTheRestAtOnceNotAfterTheLockTime() {
		// node D works alone, with the production lock time of 5 minutes, and is killed while sending;
		// the earlier tests' tasks are gone, so every mail of this run belongs to the tasks below
		String ownerA = a.jobExecutor().getLockOwner();
		String ownerB = b.jobExecutor().getLockOwner();
		a.jobExecutor().shutdown();
		b.jobExecutor().shutdown();
		cluster.deleteWork(a);
		LocalDate dueDay = LocalDate.of(2031, 3, 18);
		cluster.clockAt(dueDay.atTime(7, 0));
		Set<String> taskIds = cluster.startWork(a, 300, dueDay.atTime(17, 0));
		cluster.clearMail();
		Map<String, String> productionLocks = Map.of("camunda.bpm.job-execution.lock-time-in-millis", "300000");
		cluster.clockAt(dueDay.atTime(9, 0));
		ForkedNode d = cluster.fork("node-d", productionLocks);
		d.awaitStarted(Duration.ofMinutes(3));
		cluster.await("node D sending, with jobs locked", Duration.ofMinutes(3),
				() -> cluster.successfulJobsOf("node-d") >= 20 && !cluster.jobsLockedByOthersThan(ownerA, ownerB).isEmpty());
		d.kill();
		Set<String> leftByD = cluster.jobsLockedByOthersThan(ownerA, ownerB);
		int doneByD = cluster.successfulJobsOf("node-d");

		// the same node (same name) starts again: it frees what its dead run had locked and sends it
		long restarting = System.nanoTime();
		ForkedNode again = cluster.fork("node-d", productionLocks);
		again.awaitStarted(Duration.ofMinutes(3));
		// less than the lock time left since the kill: without the release these jobs would not run yet
		ClusterSupport.Outcome outcome = cluster.awaitReminders(a, taskIds, dueDay.atTime(17, 0), Duration.ofMinutes(3));
		Duration sinceRestart = Duration.ofNanos(System.nanoTime() - restarting);
		again.stop();
		a.jobExecutor().start();
		b.jobExecutor().start();

		System.out.println("node D killed after " + doneByD + " jobs, holding " + leftByD.size() + " locked; restarted, all sent "
				+ sinceRestart.toSeconds() + " s later; " + outcome);
		assertThat(leftByD).as("jobs D had locked when it died").isNotEmpty();
		assertThat(outcome.lost()).as("tasks without mail").isEmpty();
		assertThat(sinceRestart).as("from the restart until all was sent").isLessThan(Duration.ofMinutes(4));
		assertThat(outcome.mails()).as("mails").isEqualTo(300 + outcome.duplicates().values().stream().mapToInt(n -> n - 1).sum());
		assertThat(outcome.duplicates().size()).as("mails sent twice").isLessThanOrEqualTo(leftByD.size());
		Map<String, Set<String>> messageIds = cluster.messageIdsPerTask();
		assertThat(outcome.duplicates().keySet()).as("a mail sent twice has one Message-ID")
			.allSatisfy(task -> assertThat(messageIds.get(task)).hasSize(1));
		assertThat(cluster.remindersByStatus(dueDay.atTime(17, 0))).isEqualTo(Map.of("SENT", 300));
		assertThat(cluster.mailLogRows(dueDay.atTime(17, 0))).as("rows in the Postausgang").isEqualTo(300);
	}
}
