package de.kooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.boot.test.context.TestComponent;

import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Goal;
import de.kooperation.agreement.Milestone;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.form.FormRules;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.RevisionProcess;

/**
 * Steps shared by process tests: a fresh Kommune per test (so tests never collide on the
 * one-collaboration-per-Kommune rule), starting, finding and completing tasks, moving the clock.
 * The engine clock is JVM-global: {@link EngineClock} puts it back after each test ({@link ProcessTest} brings it).
 */
@TestComponent
public class Scenario {

	private static final List<String> DRAFTING_TASKS = List.of(AgreementProcess.Elements.DRAFT, AgreementProcess.Elements.REVISE,
			RevisionProcess.Elements.DRAFT, RevisionProcess.Elements.REVISE);

	private final ProcessEngine engine;

	private final MunicipalityRepository municipalities;

	private final CollaborationService collaborations;

	private final FormRules formRules;

	private final Agreements agreements;

	public Scenario(ProcessEngine engine, MunicipalityRepository municipalities, CollaborationService collaborations,
			FormRules formRules, Agreements agreements) {
		this.engine = engine;
		this.agreements = agreements;
		this.formRules = formRules;
		this.municipalities = municipalities;
		this.collaborations = collaborations;
		BpmnAwareTests.init(engine);
	}

	/** Registers a new Kommune with a unique id in the given federal state (e.g. TH, NI, RP). */
	public Municipality newMunicipality(String federalState) {
		String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
		Municipality municipality = new Municipality(id, "Teststadt " + id, federalState);
		municipalities.save(municipality);
		return municipality;
	}

	/** A new Kommune with a running collaboration, funded for three years from now. */
	public ProcessInstance startCollaboration(String federalState) {
		Municipality municipality = newMunicipality(federalState);
		return collaborations.start(municipality.id(), LocalDate.now().plusYears(3).toString(), null);
	}

	/**
	 * A new Kommune whose collaboration starts right before the given element (the start guard
	 * still runs): for tests of a later phase without walking through the earlier ones.
	 */
	public ProcessInstance startCollaborationAt(String federalState, String activityId, Map<String, Object> variables) {
		Municipality municipality = newMunicipality(federalState);
		return runtime().createProcessInstanceByKey("collaboration")
			.businessKey(municipality.id())
			.setVariable("fundingEnd", LocalDate.now().plusYears(3).toString())
			.setVariables(variables)
			.startBeforeActivity(activityId)
			.execute();
	}

	/**
	 * Starts a called process (agreement, baselineAnalysis, revision, implementation …) on its
	 * own, for a new Kommune, with the shared variables the main process would pass in.
	 */
	public ProcessInstance startStandalone(String processKey, String federalState, Map<String, Object> extraVariables) {
		Municipality municipality = newMunicipality(federalState);
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("municipalityId", municipality.id());
		variables.put("municipalityName", municipality.name());
		variables.put("federalState", municipality.federalState());
		variables.put("municipalityGroup", de.kooperation.shared.PartyGroups.municipalityContacts(municipality.id()));
		variables.put("municipalityLeadershipGroup", de.kooperation.shared.PartyGroups.municipalityLeadership(municipality.id()));
		variables.put("fundingEnd", Date.from(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(3 * 365))));
		variables.putAll(extraVariables);
		return runtime().startProcessInstanceByKey(processKey, municipality.id(), variables);
	}

	public RuntimeService runtime() {
		return engine.getRuntimeService();
	}

	public TaskService tasks() {
		return engine.getTaskService();
	}

	public ManagementService management() {
		return engine.getManagementService();
	}

	public ProcessEngine engine() {
		return engine;
	}

	/**
	 * The one open task with the given element id anywhere in the collaboration, including
	 * its called processes (same business key).
	 */
	public Task task(ProcessInstance collaboration, String taskDefinitionKey) {
		List<Task> found = tasks().createTaskQuery()
			.processInstanceBusinessKey(collaboration.getBusinessKey())
			.taskDefinitionKey(taskDefinitionKey)
			.list();
		assertThat(found).as("open tasks '%s'", taskDefinitionKey).hasSize(1);
		return found.get(0);
	}

	/** The groups a task is offered to. */
	public List<String> candidateGroups(Task task) {
		return tasks().getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
			.map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
			.toList();
	}

	public List<Task> openTasks(ProcessInstance collaboration) {
		return tasks().createTaskQuery().processInstanceBusinessKey(collaboration.getBusinessKey()).list();
	}

	/** Completes the one open task with that id, with the variables its form would send. */
	public void complete(ProcessInstance collaboration, String taskDefinitionKey, Map<String, Object> variables) {
		tasks().complete(task(collaboration, taskDefinitionKey).getId(), variables);
	}

	/** Moves the engine clock; timers due by then can be run with {@link #executeDueJobs(ProcessInstance)}. */
	public void moveClockTo(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	public void moveClockBy(java.time.Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	/**
	 * Executes every job of this collaboration (and its called processes) that is due now:
	 * timers, async continuations. Other tests' jobs stay untouched. Returns how many ran.
	 */
	public int executeDueJobs(ProcessInstance collaboration) {
		int executed = 0;
		for (int round = 0; round < 100; round++) {
			List<Job> due = runtime().createProcessInstanceQuery()
				.processInstanceBusinessKey(collaboration.getBusinessKey())
				.list()
				.stream()
				.flatMap(instance -> management().createJobQuery().processInstanceId(instance.getId()).executable().list().stream())
				.toList();
			if (due.isEmpty()) {
				return executed;
			}
			for (Job job : due) {
				management().executeJob(job.getId());
				executed++;
			}
		}
		throw new IllegalStateException("jobs keep becoming due: a timer loop without progress?");
	}

	/**
	 * Walks a collaboration forward: completes its open tasks (in its called processes too) with
	 * {@link TypicalAnswers} plus the given decisions, and runs its timers when nothing else is
	 * open, until a task with the given id is open, or the collaboration has ended (null).
	 */
	public void advance(ProcessInstance collaboration, String untilTaskKey, Map<String, Object> decisions) {
		for (int step = 0; step < 500; step++) {
			List<Task> open = openTasks(collaboration);
			if (untilTaskKey != null && open.stream().anyMatch(t -> t.getTaskDefinitionKey().equals(untilTaskKey))) {
				return;
			}
			if (!open.isEmpty()) {
				Task next = open.get(0);
				enterGoalIfDraftHasNone(next);
				tasks().complete(next.getId(), TypicalAnswers.forTask(this, formRules, next, decisions));
				continue;
			}
			if (runtime().createProcessInstanceQuery().processInstanceId(collaboration.getId()).count() == 0) {
				assertThat(untilTaskKey).as("collaboration ended before task %s", untilTaskKey).isNull();
				return;
			}
			Job timer = runtime().createProcessInstanceQuery().processInstanceBusinessKey(collaboration.getBusinessKey()).list().stream()
				.flatMap(instance -> management().createJobQuery().processInstanceId(instance.getId()).list().stream())
				.min(java.util.Comparator.comparing(Job::getDuedate))
				.orElseThrow(() -> new AssertionError("nothing open and nothing scheduled in " + collaboration.getBusinessKey()));
			if (timer.getDuedate() != null && timer.getDuedate().after(ClockUtil.getCurrentTime())) {
				ClockUtil.setCurrentTime(timer.getDuedate());
			}
			executeDueJobs(collaboration);
		}
		throw new AssertionError("no end after 500 steps");
	}

	/**
	 * Completes the tasks open now (in the collaboration and its called processes) with typical
	 * answers and the decisions; returns how many.
	 */
	public int completeOpenTasks(ProcessInstance collaboration, Map<String, Object> decisions) {
		List<Task> open = openTasks(collaboration);
		for (Task task : open) {
			enterGoalIfDraftHasNone(task);
			tasks().complete(task.getId(), TypicalAnswers.forTask(this, formRules, task, decisions));
		}
		return open.size();
	}

	/**
	 * A drafting task is completed only with a goal in the draft: the goal and a milestone go in
	 * first, as a transfer manager enters them on the draft page.
	 */
	private void enterGoalIfDraftHasNone(Task task) {
		if (!DRAFTING_TASKS.contains(task.getTaskDefinitionKey())) {
			return;
		}
		String municipalityId = (String) tasks().getVariable(task.getId(), CollaborationProcess.Vars.MUNICIPALITY_ID);
		AgreementVersion draft = agreements.openDraft(municipalityId);
		if (draft.goals().isEmpty()) {
			agreements.saveDraftContent(municipalityId,
					List.of(Goal.titled("Bildungsmonitoring aufbauen")),
					draft.milestones().isEmpty()
							? List.of(Milestone.titled("Bedarfsanalyse abgeschlossen"))
							: draft.milestones(),
					draft.municipalityDuties(), draft.agencyDuties());
		}
	}

	public void resetClock() {
		ClockUtil.reset();
	}

}
