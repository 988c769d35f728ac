package de.kooperation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import de.kooperation.reminder.EmbeddedMailServer;

/**
 * Benchmark 4: reminders due at once ({@code -Dreminders}, default 10,000), swept and sent by one
 * node on H2, one node on PostgreSQL, two nodes on PostgreSQL. Prints seconds, reminders per
 * second, duplicates and lost mails. Not part of the build: {@code mvn -Pbenchmark test
 * -Dtest=ReminderSweepBenchmark} (see README, "Benchmarks").
 */
@Tag(Benchmarks.TAG)
class ReminderSweepBenchmark {

	static final int REMINDERS = Integer.getInteger("reminders", 10_000);

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void h2OneNode() {
		run("H2, one node", ClusterSupport.Database.freshH2(), 1);
	}

	@Test
	void postgresOneNode() {
		run("PostgreSQL, one node", ClusterSupport.Database.freshPostgresSchema(), 1);
	}

	@Test
	void postgresTwoNodes() {
		run("PostgreSQL, two nodes", ClusterSupport.Database.freshPostgresSchema(), 2);
	}

	private void run(String label, ClusterSupport.Database database, int nodeCount) {
		try (ClusterSupport cluster = new ClusterSupport(database, new EmbeddedMailServer(0))) {
			List<ClusterNode> nodes = new ArrayList<>();
			for (int i = 0; i < nodeCount; i++) {
				nodes.add(cluster.node("node-" + (char) ('a' + i), Benchmarks.jobExecutorSettings()));
			}
			ClusterNode first = nodes.get(0);
			cluster.deployWork(first);
			cluster.recipient(first);
			LocalDate dueDay = LocalDate.of(2031, 3, 4);
			LocalDateTime due = dueDay.atTime(17, 0);
			cluster.clockAt(dueDay.atTime(7, 0));
			long creating = System.nanoTime();
			Set<String> taskIds = cluster.startWork(first, REMINDERS, due);
			Duration created = Duration.ofNanos(System.nanoTime() - creating);
			cluster.clearMail();

			cluster.clockAt(dueDay.atTime(9, 0));
			ClusterSupport.Outcome outcome = cluster.awaitReminders(first, taskIds, due, Duration.ofMinutes(90));

			Map<String, Integer> jobsByNode = cluster.reminderJobsByNode();
			Benchmarks.report("reminder sweep", String.format(java.util.Locale.ROOT,
					"%s: %d reminders due at once (tasks created in %.1f s): %s; lost %d, duplicates %d; sending jobs per node %s",
					label, REMINDERS, created.toMillis() / 1000.0, outcome, outcome.lost().size(), outcome.duplicates().size(),
					jobsByNode));
			assertThat(outcome.lost()).isEmpty();
		}
	}

}
