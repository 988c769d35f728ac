package de.kooperation.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.kooperation.shared.CollaborationProcess;

/**
 * Moves a running collaboration forward the way its users would: it completes the open tasks
 * (in the main process and in called processes, which share the business key) with demo
 * answers, until a target is reached. Each task is claimed and completed by a member of one of
 * its candidate groups (the collaboration's transfer manager where possible), so history and
 * Tasklist show who did what, and authorizations apply as for a real user.
 *
 * <p>It never goes past the target: a collaboration that once reached it (and was moved on by
 * real users since) is left alone. It stops, without harm, at the first task it has no answers
 * for and at the first completion the engine refuses (e.g. a called process not deployed).
 */
@Component
public class DemoProgress {

	private static final Logger LOG = LoggerFactory.getLogger(DemoProgress.class);

	private static final int MAX_STEPS = 200;

	/** Where a collaboration should stand. */
	public sealed interface Target {

		/** A task with this definition key is (or was) open. */
		record TaskOpen(String taskDefinitionKey) implements Target {
		}

		/** A called process with this key has been started. */
		record ProcessEntered(String processDefinitionKey) implements Target {
		}

	}

	/** What happened: target reached, or where and why it stopped. */
	public record Result(boolean reached, int completed, List<String> openTasks, String stoppedBecause) {
	}

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final TransactionTemplate transaction;

	DemoProgress(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
			IdentityService identityService, PlatformTransactionManager transactionManager) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.historyService = historyService;
		this.identityService = identityService;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Advances the running collaboration with this business key (the Kommune's id; any running
	 * root process instance with it) to the target; {@code answers} gives the form variables
	 * for a task, or empty if it has none.
	 */
	public Result advance(String businessKey, Target target, Function<Task, Optional<Map<String, Object>>> answers) {
		return advance(businessKey, target, answers, task -> Optional.empty());
	}

	/**
	 * As {@link #advance(String, Target, Function)}; {@code doneAt} names the moment a step took
	 * place where what it records carries its date (a Standortbestimmung is dated by its
	 * completion): the engine clock stands there while the task is completed, so its documents
	 * agree with the dates the other answers give.
	 */
	public Result advance(String businessKey, Target target, Function<Task, Optional<Map<String, Object>>> answers,
			Function<Task, Optional<Instant>> doneAt) {
		List<ProcessInstance> roots = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey)
			.rootProcessInstances()
			.active()
			.list();
		if (roots.size() != 1) {
			return new Result(false, 0, List.of(), roots.isEmpty() ? "keine laufende Kooperation" : "mehrere laufende Prozesse");
		}
		ProcessInstance collaboration = roots.get(0);
		int completed = 0;
		for (int step = 0; step < MAX_STEPS; step++) {
			if (reached(collaboration, target)) {
				return new Result(true, completed, openTaskKeys(businessKey), null);
			}
			List<Task> open = openTasks(businessKey);
			Optional<Task> next = open.stream().filter(task -> answers.apply(task).isPresent()).findFirst();
			if (next.isEmpty()) {
				return stopped(businessKey, target, completed,
						open.isEmpty() ? "keine offene Aufgabe" : "keine Demo-Antworten für " + openTaskKeys(businessKey));
			}
			Task task = next.get();
			try {
				Optional<Instant> at = doneAt.apply(task);
				at.ifPresent(moment -> ClockUtil.setCurrentTime(Date.from(moment)));
				try {
					complete(task, answers.apply(task).orElseThrow());
				}
				finally {
					if (at.isPresent()) {
						ClockUtil.reset();
					}
				}
				completed++;
			}
			catch (ProcessEngineException e) {
				LOG.debug("Demo data: completion of {} refused", task.getTaskDefinitionKey(), e);
				return stopped(businessKey, target, completed,
						"'" + task.getTaskDefinitionKey() + "' nicht abschließbar: " + e.getMessage());
			}
		}
		return stopped(businessKey, target, completed, "mehr als " + MAX_STEPS + " Schritte");
	}

	private Result stopped(String businessKey, Target target, int completed, String reason) {
		LOG.warn("Demo data: collaboration '{}' stopped before {} after {} completed task(s): {}", businessKey, target,
				completed, reason);
		return new Result(false, completed, openTaskKeys(businessKey), reason);
	}

	private boolean reached(ProcessInstance collaboration, Target target) {
		List<HistoricProcessInstance> tree = historyService.createHistoricProcessInstanceQuery()
			.rootProcessInstanceId(collaboration.getId())
			.list();
		if (target instanceof Target.ProcessEntered entered) {
			return tree.stream().anyMatch(instance -> entered.processDefinitionKey().equals(instance.getProcessDefinitionKey()));
		}
		String taskKey = ((Target.TaskOpen) target).taskDefinitionKey();
		return tree.stream()
			.anyMatch(instance -> historyService.createHistoricActivityInstanceQuery()
				.processInstanceId(instance.getId())
				.activityId(taskKey)
				.count() > 0);
	}

	private List<Task> openTasks(String businessKey) {
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.active()
			.orderByTaskCreateTime()
			.asc()
			.list();
	}

	private List<String> openTaskKeys(String businessKey) {
		return openTasks(businessKey).stream().map(Task::getTaskDefinitionKey).toList();
	}

	/** Claim and completion in one transaction: a refused completion leaves the task as it was. */
	private void complete(Task task, Map<String, Object> variables) {
		Optional<String> actor = actorFor(task);
		transaction.executeWithoutResult(status -> {
			if (actor.isEmpty()) {
				taskService.complete(task.getId(), variables);
				return;
			}
			if (task.getAssignee() == null) {
				taskService.claim(task.getId(), actor.get());
			}
			List<String> groups = identityService.createGroupQuery().groupMember(actor.get()).list().stream()
				.map(Group::getId)
				.toList();
			identityService.setAuthentication(actor.get(), groups);
			try {
				taskService.complete(task.getId(), variables);
			}
			finally {
				identityService.clearAuthentication();
			}
		});
	}

	/** The assignee, else the collaboration's transfer manager if offered the task, else any candidate. */
	private Optional<String> actorFor(Task task) {
		if (task.getAssignee() != null) {
			return Optional.of(task.getAssignee());
		}
		List<String> candidates = new ArrayList<>();
		for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getUserId() != null) {
				candidates.add(link.getUserId());
			}
			if (link.getGroupId() != null) {
				identityService.createUserQuery().memberOfGroup(link.getGroupId()).list().stream()
					.map(User::getId)
					.sorted(Comparator.naturalOrder())
					.forEach(candidates::add);
			}
		}
		String transferManager = CollaborationProcess.Typed.TRANSFER_MANAGER.fromTask(taskService, task.getId()).orNull();
		if (transferManager != null && candidates.contains(transferManager)) {
			return Optional.of(transferManager);
		}
		return candidates.stream().findFirst();
	}

}
