package de.kooperation.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.kooperation.analysis.InterviewRecords;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.plan.Plans;
import de.kooperation.reminder.MeetingInvitations;
import de.kooperation.retention.PersonalData.Kind;
import de.kooperation.shared.Zone;

/**
 * Deletes the personal data of interviewees once a collaboration has ended (end of funding or
 * termination, counted from the day it was declared, see {@link #pending(Instant)}) and the retention period ({@code kooperation.retention.personal-data-days}) has
 * passed, as the agreements promise: the interview variables everywhere in the collaboration's
 * process history, the whole history of its baseline analyses (their interview tasks carry the
 * interviewees' names), and the project's own records of reminders about those tasks. What was
 * deleted is logged per kind (never the data itself).
 *
 * <p>Runs daily in the {@code personalDataCleanup} process (a timer job, so one node of a cluster
 * at a time); everything of one run is one transaction. The rest of the history stays until the
 * engine's history cleanup removes it after the processes' history time to live.
 */
@Component("personalDataCleanupDelegate")
class PersonalDataCleanup implements JavaDelegate {

	private static final Logger LOG = LoggerFactory.getLogger(PersonalDataCleanup.class);

	private static final int PAGE = 200;

	private static final int IN_LIST = 100;

	/** Where a collaboration ends before its process does: the termination declared, the funding ended (final report due). */
	private static final List<String> ENDINGS = List.of(CollaborationProcess.Elements.TERMINATION_START,
			CollaborationProcess.Elements.FINAL_REPORT);

	/** What is still to be deleted: an ended collaboration and the day its personal data goes. */
	record Pending(String municipalityId, String processInstanceId, Instant endedAt, Instant deletionDue) {
	}

	private final HistoryService historyService;

	private final RuntimeService runtimeService;

	private final DeletionLog log;

	private final RetentionProperties properties;

	private final JdbcClient jdbc;

	private final InterviewRecords interviews;

	private final Plans plans;

	PersonalDataCleanup(HistoryService historyService, RuntimeService runtimeService, DeletionLog log, RetentionProperties properties,
			JdbcClient jdbc, InterviewRecords interviews, Plans plans) {
		this.plans = plans;
		this.historyService = historyService;
		this.runtimeService = runtimeService;
		this.log = log;
		this.properties = properties;
		this.jdbc = jdbc;
		this.interviews = interviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable("collaborationsErased", cleanUp(ClockUtil.getCurrentTime().toInstant()));
	}

	/** Deletes what is due at {@code now}; returns how many collaborations were handled. */
	int cleanUp(Instant now) {
		int erased = 0;
		for (Pending due : pending(now.minus(Duration.ofDays(properties.getPersonalDataDays())))) {
			if (erased >= properties.getBatchSize()) {
				break;
			}
			erase(due, now);
			erased++;
		}
		return erased;
	}

	/**
	 * Ended collaborations whose personal data is not deleted yet (all of them, or those ended
	 * before the date). A collaboration has ended when it was terminated (the termination declared,
	 * not only once the agency has documented it), when its funding ended (the final report is
	 * due), or when its process finished otherwise, whichever came first: an ending nobody
	 * documents is not kept forever.
	 */
	List<Pending> pending(Instant endedBefore) {
		Set<String> erased = log.erasedCollaborations();
		Map<String, Instant> endings = new HashMap<>();
		Map<String, String> municipalities = new HashMap<>();
		Date before = endedBefore == null ? null : Date.from(endedBefore);
		for (int first = 0;; first += PAGE) {
			var query = historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey(CollaborationProcess.KEY)
				.finished();
			if (before != null) {
				query.finishedBefore(before);
			}
			List<HistoricProcessInstance> page = query.orderByProcessInstanceEndTime().asc().listPage(first, PAGE);
			for (HistoricProcessInstance instance : page) {
				endings.merge(instance.getId(), instance.getEndTime().toInstant(), PersonalDataCleanup::earlier);
				municipalities.put(instance.getId(), instance.getBusinessKey());
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		for (String ending : ENDINGS) {
			for (int first = 0;; first += PAGE) {
				var query = historyService.createHistoricActivityInstanceQuery().activityId(ending);
				if (before != null) {
					query.startedBefore(before);
				}
				List<HistoricActivityInstance> page = query.orderByHistoricActivityInstanceStartTime().asc().listPage(first, PAGE);
				for (HistoricActivityInstance activity : page) {
					endings.merge(activity.getProcessInstanceId(), activity.getStartTime().toInstant(), PersonalDataCleanup::earlier);
				}
				if (page.size() < PAGE) {
					break;
				}
			}
		}
		endings.keySet().removeAll(erased);
		List<String> unnamed = endings.keySet().stream().filter(id -> !municipalities.containsKey(id)).toList();
		for (List<String> chunk : chunks(unnamed)) {
			historyService.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(chunk)).list()
				.forEach(instance -> municipalities.put(instance.getId(), instance.getBusinessKey()));
		}
		return endings.entrySet().stream()
			.map(ended -> new Pending(municipalities.get(ended.getKey()), ended.getKey(), ended.getValue(),
					ended.getValue().plus(Duration.ofDays(properties.getPersonalDataDays()))))
			.sorted(Comparator.comparing(Pending::endedAt))
			.toList();
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private void erase(Pending collaboration, Instant now) {
		List<String> tree = historyService.createHistoricProcessInstanceQuery()
			.rootProcessInstanceId(collaboration.processInstanceId())
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList();
		List<String> analyses = historyService.createHistoricProcessInstanceQuery()
			.rootProcessInstanceId(collaboration.processInstanceId())
			.processDefinitionKey(PersonalData.ANALYSIS_PROCESS)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList();

		// a collaboration still waiting for its ending to be documented holds the data at runtime too
		if (runtimeService.createProcessInstanceQuery().processInstanceId(collaboration.processInstanceId()).count() > 0) {
			runtimeService.removeVariables(collaboration.processInstanceId(), PersonalData.INTERVIEW_VARIABLES);
		}

		int variables = 0;
		List<String> others = tree.stream().filter(id -> !analyses.contains(id)).toList();
		for (List<String> chunk : chunks(others)) {
			for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
				.processInstanceIdIn(chunk.toArray(String[]::new))
				.variableNameIn(PersonalData.INTERVIEW_VARIABLES.toArray(String[]::new))
				.includeDeleted()
				.disableBinaryFetching()
				.disableCustomObjectDeserialization()
				.list()) {
				historyService.deleteHistoricVariableInstance(variable.getId());
				variables++;
			}
		}

		List<String> analysisTasks = new ArrayList<>();
		for (String analysis : analyses) {
			historyService.createHistoricTaskInstanceQuery().processInstanceId(analysis).list().stream()
				.map(HistoricTaskInstance::getId)
				.forEach(analysisTasks::add);
			variables += (int) historyService.createHistoricVariableInstanceQuery().processInstanceId(analysis)
				.variableNameIn(PersonalData.INTERVIEW_VARIABLES.toArray(String[]::new))
				.includeDeleted()
				.count();
		}
		if (!analyses.isEmpty()) {
			historyService.deleteHistoricProcessInstances(analyses);
		}
		// the agency's interview records (experts, days, notes) of these analyses
		variables += interviews.deleteOf(analyses);

		int reminders = 0;
		// reminders of the analysis tasks, and the invitations to the interviews with their meetings (attendee addresses)
		List<String> subjects = new ArrayList<>(analysisTasks);
		List<String> interviews = analysisTasks.stream().map(task -> task + MeetingInvitations.INTERVIEW_UID_SUFFIX).toList();
		subjects.addAll(interviews);
		for (List<String> chunk : chunks(subjects)) {
			jdbc.sql("delete from koop_mail_log where reminder_id in (select id from koop_reminder where subject_id in (:tasks))")
				.param("tasks", chunk)
				.update();
			reminders += jdbc.sql("delete from koop_reminder where subject_id in (:tasks)").param("tasks", chunk).update();
		}
		for (List<String> chunk : chunks(interviews)) {
			jdbc.sql("delete from koop_meeting where uid in (:uids)").param("uids", chunk).update();
		}

		// who changed and commented the Kommune's plan, who closed or reopened milestones: up to a later collaboration's start
		Instant until = laterStart(collaboration).orElse(now);
		int plan = plans.forgetPeople(collaboration.municipalityId(), until, PersonalData.ERASED_PERSON);
		int milestones = forgetMilestonePeople(collaboration.municipalityId(), until);

		record(collaboration, Kind.INTERVIEW_VARIABLES, variables, now);
		record(collaboration, Kind.ANALYSIS_HISTORY, analyses.size(), now);
		record(collaboration, Kind.REMINDERS, reminders, now);
		record(collaboration, Kind.PLAN_HISTORY, plan, now);
		record(collaboration, Kind.MILESTONE_LOG, milestones, now);
		LOG.info("Datenschutz: personenbezogene Daten der Kooperation {} ({}) gelöscht: {} Variablen, {} Bedarfsanalysen, {} Erinnerungen, "
				+ "{} Einträge im Zeitplan, {} bei Meilensteinen", collaboration.municipalityId(), collaboration.processInstanceId(), variables,
				analyses.size(), reminders, plan, milestones);
	}

	/** The start of the Kommune's next collaboration after this one ended: what came after belongs to it. */
	private Optional<Instant> laterStart(Pending collaboration) {
		return historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(collaboration.municipalityId())
			.startedAfter(Date.from(collaboration.endedAt()))
			.list()
			.stream()
			.filter(instance -> !instance.getId().equals(collaboration.processInstanceId()))
			.map(instance -> instance.getStartTime().toInstant())
			.filter(start -> start.isAfter(collaboration.endedAt()))
			.min(Comparator.naturalOrder());
	}

	/** Milestone parts, closures and their log no longer name who closed or reopened them. */
	private int forgetMilestonePeople(String municipalityId, Instant until) {
		java.sql.Date untilDay = java.sql.Date.valueOf(until.atZone(ZoneId.of(Zone.ID)).toLocalDate());
		String nobody = PersonalData.ERASED_PERSON;
		return jdbc.sql("update koop_milestone_log set done_by = ? where municipality_id = ? and done_at < ? and done_by <> ?")
			.params(nobody, municipalityId, Timestamp.from(until), nobody)
			.update()
				+ jdbc.sql("update koop_milestone_part set closed_by = ? where municipality_id = ? and closed_on <= ? and closed_by <> ?")
					.params(nobody, municipalityId, untilDay, nobody)
					.update()
				+ jdbc.sql("update koop_milestone_closure set closed_by = ? where municipality_id = ? and closed_on <= ? and closed_by <> ?")
					.params(nobody, municipalityId, untilDay, nobody)
					.update();
	}

	private void record(Pending collaboration, Kind kind, int count, Instant now) {
		log.record(new DeletionLog.Entry(collaboration.municipalityId(), collaboration.processInstanceId(), collaboration.endedAt(),
				kind.name(), count, now));
	}

	private static List<List<String>> chunks(List<String> ids) {
		List<List<String>> chunks = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += IN_LIST) {
			chunks.add(ids.subList(i, Math.min(ids.size(), i + IN_LIST)));
		}
		return chunks;
	}

}
