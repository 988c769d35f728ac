package de.kooperation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.ProcessTest;
import de.kooperation.demo.DemoProgress.Result;
import de.kooperation.demo.DemoProgress.Target;

/**
 * The generic demo mechanism on a small probe process (a → called process with b → c → d), so
 * it is tested independently of the real processes that other features deploy.
 */
@ProcessTest
class DemoProgressTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	DemoProgress progress;

	String suffix;

	String group;

	String worker;

	String mainKey;

	String subKey;

	@BeforeEach
	void probeProcessAndAWorker() {
		suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		group = "probe-group-" + suffix;
		worker = "probe-worker-" + suffix;
		mainKey = "probeMain" + suffix;
		subKey = "probeSub" + suffix;
		engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(group));
		User user = engine.getIdentityService().newUser(worker);
		user.setPassword("probe");
		engine.getIdentityService().saveUser(user);
		engine.getIdentityService().createMembership(worker, group);
		// only for @ProcessTest: its coverage listener reads the process definition as the
		// authenticated user; the application itself needs no such grant to complete a task
		for (String key : new String[] { mainKey, subKey }) {
			Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			read.setGroupId(group);
			read.setResource(Resources.PROCESS_DEFINITION);
			read.setResourceId(key);
			read.addPermission(Permissions.READ);
			engine.getAuthorizationService().saveAuthorization(read);
		}
	}

	@Test
	void completesTasksInTheMainAndTheCalledProcessUntilTheTargetTaskIsOpen() {
		deploy(subKey);
		String businessKey = start();

		Result result = progress.advance(businessKey, new Target.TaskOpen("probe_c"), answers("probe_a", "probe_b"));

		assertThat(result.reached()).isTrue();
		assertThat(result.completed()).isEqualTo(2);
		assertThat(result.openTasks()).containsExactly("probe_c");
		// done by a member of the candidate group, as in Tasklist
		assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey)
			.finished().list()).extracting("assignee").containsOnly(worker);
	}

	@Test
	void aCalledProcessIsReachedAsSoonAsItStarted() {
		deploy(subKey);
		String businessKey = start();

		Result result = progress.advance(businessKey, new Target.ProcessEntered(subKey), answers("probe_a", "probe_b"));

		assertThat(result.reached()).isTrue();
		assertThat(result.completed()).isEqualTo(1);
		assertThat(result.openTasks()).containsExactly("probe_b");
	}

	@Test
	void stopsAtTheFirstTaskWithoutDemoAnswers() {
		deploy(subKey);
		String businessKey = start();

		Result result = progress.advance(businessKey, new Target.TaskOpen("probe_d"), answers("probe_a"));

		assertThat(result.reached()).isFalse();
		assertThat(result.completed()).isEqualTo(1);
		assertThat(result.stoppedBecause()).contains("probe_b");
	}

	@Test
	void aRefusedCompletionStopsAndLeavesTheTaskAsItWas() {
		// the called process is never deployed, as a feature not merged yet
		deploy("probeMissing" + suffix);
		String businessKey = start();

		Result result = progress.advance(businessKey, new Target.TaskOpen("probe_c"), answers("probe_a", "probe_b"));

		assertThat(result.reached()).isFalse();
		assertThat(result.completed()).isZero();
		assertThat(result.stoppedBecause()).contains("probe_a");
		Task a = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
		assertThat(a.getTaskDefinitionKey()).isEqualTo("probe_a");
		assertThat(a.getAssignee()).as("claim rolled back with the completion").isNull();
	}

	@Test
	void neverMovesACollaborationPastItsTarget() {
		deploy(subKey);
		String businessKey = start();
		progress.advance(businessKey, new Target.TaskOpen("probe_c"), answers("probe_a", "probe_b"));
		// real users went on since
		Task c = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
		engine.getTaskService().complete(c.getId());

		Result again = progress.advance(businessKey, new Target.TaskOpen("probe_c"), answers("probe_a", "probe_b", "probe_d"));

		assertThat(again.reached()).isTrue();
		assertThat(again.completed()).isZero();
		assertThat(again.openTasks()).containsExactly("probe_d");
	}

	@Test
	void withoutARunningCollaborationNothingHappens() {
		Result result = progress.advance("nobody-" + suffix, new Target.TaskOpen("probe_a"), answers("probe_a"));

		assertThat(result.reached()).isFalse();
		assertThat(result.stoppedBecause()).isEqualTo("keine laufende Kooperation");
	}

	private static Function<Task, Optional<Map<String, Object>>> answers(String... taskKeys) {
		java.util.Set<String> known = java.util.Set.of(taskKeys);
		return task -> known.contains(task.getTaskDefinitionKey())
				? Optional.of(Map.of("answeredBy", "demo")) : Optional.empty();
	}

	private void deploy(String calledKey) {
		BpmnModelInstance sub = Bpmn.createExecutableProcess(subKey)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("probe_b").camundaCandidateGroups(group)
			.endEvent()
			.done();
		BpmnModelInstance main = Bpmn.createExecutableProcess(mainKey)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("probe_a").camundaCandidateGroups(group)
			.callActivity("probe_call").calledElement(calledKey).camundaInBusinessKey("#{execution.processBusinessKey}")
			.userTask("probe_c").camundaCandidateGroups(group)
			.userTask("probe_d").camundaCandidateGroups(group)
			.endEvent()
			.done();
		engine.getRepositoryService().createDeployment()
			.addModelInstance(subKey + ".bpmn", sub)
			.addModelInstance(mainKey + ".bpmn", main)
			.deploy();
	}

	private String start() {
		String businessKey = "probe-" + suffix;
		engine.getRuntimeService().startProcessInstanceByKey(mainKey, businessKey);
		return businessKey;
	}

}
