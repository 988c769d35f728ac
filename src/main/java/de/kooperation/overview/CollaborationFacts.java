package de.kooperation.overview;

import static de.kooperation.shared.CollaborationProcess.Elements.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Milestone;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.shared.Zone;

/**
 * What the pages tell about a collaboration: its phase, the open tasks of both sides, what is
 * overdue per party (tasks and milestones), the next milestone and the last activity.
 */
@Service
class CollaborationFacts {

	static final ZoneId ZONE = ZoneId.of(Zone.ID);

	static final String AGENCY = "Transferagentur";

	static final String MUNICIPALITY = "Kommune";

	static final String ENDED = "Beendet";

	static final String NOT_STARTED = "Nicht begonnen";

	/** Phase of the main process by its active element. */
	private static final Map<String, String> PHASES = Map.ofEntries(Map.entry(INTRODUCTORY_TALKS, "Einleitende Gespräche"),
			Map.entry(CALL_AGREEMENT, "Zielvereinbarung"), Map.entry(SCHEDULE_EXPLORATORY_MEETING, "Sondierung"),
			Map.entry(EXPLORATORY_MEETING, "Sondierung"), Map.entry(CALL_BASELINE_ANALYSIS, "Bedarfsanalyse"),
			Map.entry(CHOOSE_DISCOURSE_FORMATS, "Diskurs"), Map.entry(HOLD_DISCOURSE, "Diskurs"),
			Map.entry(ACKNOWLEDGE_RECOMMENDATIONS, "Diskurs"), Map.entry(CONCRETISE_GOALS, "Konkretisierung"),
			Map.entry(SUPPORT_CONCRETISATION, "Konkretisierung"), Map.entry(PREPARE_TRANSFER_PLAN, "Konkretisierung"),
			Map.entry(CALL_REVISION, "Fortschreibung"), Map.entry(CALL_IMPLEMENTATION, "Umsetzung"),
			Map.entry(FINAL_REPORT, "Abschluss"), Map.entry(RECORD_TERMINATION, "Beendigung"));

	/** All phases in the order of the lifecycle, for filters. */
	static final List<String> PHASE_ORDER = List.of("Einleitende Gespräche", "Zielvereinbarung", "Sondierung", "Bedarfsanalyse",
			"Diskurs", "Konkretisierung", "Fortschreibung", "Umsetzung", "Abschluss", "Beendigung", ENDED, NOT_STARTED);

	record OpenTask(String name, String party, LocalDate due, boolean overdue, String taskId) {
	}

	/**
	 * @param overdueAgency the agency's overdue tasks and milestones together (a milestone counts for each
	 *        party with a part in it); {@code overdueMilestonesAgency} of them are milestones
	 */
	record Summary(Municipality municipality, String processInstanceId, String phase, String transferManager,
			Milestone nextMilestone, int overdueAgency, int overdueMunicipality, Instant lastActivity, int overdueMilestonesAgency,
			int overdueMilestonesMunicipality) {

		public int overdueTasksAgency() {
			return overdueAgency - overdueMilestonesAgency;
		}

		public int overdueTasksMunicipality() {
			return overdueMunicipality - overdueMilestonesMunicipality;
		}

		/** Milestones are due only while the collaboration runs: after its end none is overdue. */
		public boolean milestonesDue() {
			return !ENDED.equals(phase);
		}

		public String cockpitLink() {
			return processInstanceId == null ? null : "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime";
		}

	}

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final MunicipalityRepository municipalities;

	private final Agreements agreements;

	CollaborationFacts(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
			MunicipalityRepository municipalities, Agreements agreements) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.historyService = historyService;
		this.municipalities = municipalities;
		this.agreements = agreements;
	}

	static boolean isRunning(Summary summary) {
		return !ENDED.equals(summary.phase()) && !NOT_STARTED.equals(summary.phase());
	}

	static LocalDate today() {
		return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
	}

	List<Summary> all() {
		return municipalities.findAll().stream().map(this::summary).toList();
	}

	Summary summary(Municipality municipality) {
		String id = municipality.id();
		ProcessInstance running = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(id)
			.singleResult();
		HistoricProcessInstance latest = historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(id)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		String phase = running != null ? phaseOf(running) : latest != null ? ENDED : NOT_STARTED;
		String instanceId = running != null ? running.getId() : latest != null ? latest.getId() : null;
		Object manager = running == null ? null : runtimeService.getVariable(running.getId(), CollaborationProcess.Vars.TRANSFER_MANAGER);

		LocalDate today = today();
		int overdueAgency = 0;
		int overdueMunicipality = 0;
		for (OpenTask task : openTasks(id)) {
			if (task.overdue()) {
				if (AGENCY.equals(task.party())) {
					overdueAgency++;
				}
				else {
					overdueMunicipality++;
				}
			}
		}
		Milestone next = null;
		int lateMilestonesAgency = 0;
		int lateMilestonesMunicipality = 0;
		Optional<AgreementVersion> current = agreements.current(id);
		// an ended collaboration owes no milestone any more
		boolean owing = !phase.equals(ENDED);
		if (current.isPresent() && owing) {
			for (Milestone milestone : current.get().milestones()) {
				if (milestone.lateOn(today)) {
					lateMilestonesAgency += blank(milestone.agencyPart()) ? 0 : 1;
					lateMilestonesMunicipality += blank(milestone.municipalityPart()) ? 0 : 1;
				}
				if (!milestone.closed() && milestone.dueOn() != null && (next == null || milestone.dueOn().isBefore(next.dueOn()))) {
					next = milestone;
				}
			}
		}
		return new Summary(municipality, instanceId, phase, manager == null ? null : manager.toString(), next,
				overdueAgency + lateMilestonesAgency, overdueMunicipality + lateMilestonesMunicipality, lastActivity(id, latest),
				lateMilestonesAgency, lateMilestonesMunicipality);
	}

	/** Open tasks of both sides in the collaboration and its called processes (same business key), by due date. */
	List<OpenTask> openTasks(String municipalityId) {
		LocalDate today = today();
		List<OpenTask> open = new ArrayList<>();
		for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(municipalityId).list()) {
			LocalDate due = task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(ZONE).toLocalDate();
			open.add(new OpenTask(task.getName(), partyOf(task), due, task.getDueDate() != null
					&& task.getDueDate().before(ClockUtil.getCurrentTime()), task.getId()));
		}
		open.sort(Comparator.comparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder())));
		return open;
	}

	private String phaseOf(ProcessInstance instance) {
		return runtimeService.getActiveActivityIds(instance.getId()).stream()
			.map(PHASES::get)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse("Umsetzung");
	}

	private String partyOf(Task task) {
		boolean municipality = taskService.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.anyMatch(group -> group.startsWith("kommune-"));
		return municipality ? MUNICIPALITY : AGENCY;
	}

	private Instant lastActivity(String municipalityId, HistoricProcessInstance latest) {
		Instant last = latest == null ? null : latest.getStartTime().toInstant();
		for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(municipalityId)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(0, 1)) {
			Date end = task.getEndTime();
			if (end != null && (last == null || end.toInstant().isAfter(last))) {
				last = end.toInstant();
			}
		}
		return last;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
