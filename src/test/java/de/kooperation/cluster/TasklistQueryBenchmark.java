package de.kooperation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import de.kooperation.shared.PartyGroups;
import de.kooperation.identity.TaskFilters;

/**
 * Benchmark 3: a Kommune user's Tasklist filter "Aufgaben meiner Gruppe" (first page of 15, and
 * its count, as Tasklist asks) with {@code -Dkommunen} (default 1,000) Kommunen of
 * {@code -Dtasks.per.kommune} (default 100) open tasks each, every task offered to its Kommune's
 * group (so 100,000 tasks and as many task authorizations); mean and 95th percentile over 200
 * queries, with authorization checks and without. On the process tests' in-memory H2; with
 * {@code -Dkooperation.test.database=postgres} on a fresh PostgreSQL schema.
 * {@code mvn -Pbenchmark test -Dtest=TasklistQueryBenchmark}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag(Benchmarks.TAG)
class TasklistQueryBenchmark {

	static final int KOMMUNEN = Integer.getInteger("kommunen", 1000);

	static final int TASKS_PER_KOMMUNE = Integer.getInteger("tasks.per.kommune", 100);

	static final int QUERIES = 200;

	@Autowired
	ProcessEngine engine;

	@Autowired
	TaskFilters filters;

	@Autowired
	Environment environment;

	@Test
	void aKommuneUsersGroupTasksWithAndWithoutAuthorizationChecks() {
		long creating = System.nanoTime();
		engine.getRepositoryService().createDeployment().addModelInstance("kommune-work.bpmn", Bpmn.createExecutableProcess("kommuneWork")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("user_kommune_work")
			.name("Aufgabe der Kommune")
			.camundaCandidateGroups("${municipalityGroup}")
			.camundaDueDate("${due}")
			.multiInstance()
			.parallel()
			.cardinality("${count}")
			.multiInstanceDone()
			.endEvent()
			.done()).deploy();
		for (int k = 0; k < KOMMUNEN; k++) {
			String id = String.format("k%04d", k);
			String group = PartyGroups.municipalityContacts(id);
			engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(group));
			User user = engine.getIdentityService().newUser("user." + id);
			engine.getIdentityService().saveUser(user);
			engine.getIdentityService().createMembership(user.getId(), group);
			engine.getRuntimeService().startProcessInstanceByKey("kommuneWork", id, Map.of("municipalityGroup", group, "count",
					TASKS_PER_KOMMUNE, "due", Date.from(Instant.now().plus(k % 60, ChronoUnit.DAYS))));
		}
		double createdSeconds = (System.nanoTime() - creating) / 1e9;
		long openTasks = engine.getTaskService().createTaskQuery().count();
		assertThat(openTasks).isEqualTo((long) KOMMUNEN * TASKS_PER_KOMMUNE);

		String me = String.format("k%04d", KOMMUNEN / 2);
		String filterId = filters.idOf(TaskFilters.GROUP_TASKS);
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		engine.getIdentityService().setAuthentication("user." + me, List.of(PartyGroups.municipalityContacts(me)));
		try {
			double[] with = measure(filterId, me);
			configuration.setAuthorizationEnabled(false);
			double[] without = measure(filterId, me);
			configuration.setAuthorizationEnabled(true);
			String database = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2";
			Benchmarks.report("tasklist query", String.format(Locale.ROOT,
					"%s, %d open tasks of %d Kommunen (created in %.0f s), \"%s\" of one Kommune user (%d tasks), page of 15 + count:"
							+ " with authorization checks mean %.1f ms, p95 %.1f ms; without mean %.1f ms, p95 %.1f ms",
					database, openTasks, KOMMUNEN, createdSeconds, TaskFilters.GROUP_TASKS, TASKS_PER_KOMMUNE, with[0], with[1],
					without[0], without[1]));
		}
		finally {
			configuration.setAuthorizationEnabled(true);
			engine.getIdentityService().clearAuthentication();
		}
	}

	/** Mean and 95th percentile (ms) of the filter's first page plus its count. */
	private double[] measure(String filterId, String municipality) {
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < QUERIES + 20; i++) {
			long started = System.nanoTime();
			List<Task> page = engine.getFilterService().listPage(filterId, 0, 15);
			long count = engine.getFilterService().count(filterId);
			double took = (System.nanoTime() - started) / 1e6;
			assertThat(page).hasSize(Math.min(15, TASKS_PER_KOMMUNE));
			assertThat(count).isEqualTo(TASKS_PER_KOMMUNE);
			if (i >= 20) {
				millis.add(took);
			}
		}
		Collections.sort(millis);
		return new double[] { millis.stream().mapToDouble(Double::doubleValue).average().orElse(0),
				millis.get((int) Math.ceil(millis.size() * 0.95) - 1) };
	}

}
