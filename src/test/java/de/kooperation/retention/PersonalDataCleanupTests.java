package de.kooperation.retention;

import static de.kooperation.shared.CollaborationProcess.Elements.RECORD_TERMINATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.kooperation.EngineClock;
import de.kooperation.FormRows;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.collaboration.CollaborationService.Party;
import de.kooperation.plan.PlanChange;
import de.kooperation.plan.PlanImport;
import de.kooperation.plan.PlanStatus;
import de.kooperation.plan.Plans;
import de.kooperation.reminder.MeetingInvitations;

/**
 * Data protection as the agreements promise it: after a collaboration ends and the retention
 * period has passed, the nightly cleanup deletes the interviewees' data and the interview notes
 * from the process history and from the project's own tables, and logs what it deleted.
 */
@ProcessTest
class PersonalDataCleanupTests {

	private static final String CLEANUP_PROCESS = "personalDataCleanup";

	/** The interviewee the typical answers select (TypicalAnswers). */
	private static final String INTERVIEWEE = "Carla Berg";

	/** Kinds of data logged per collaboration. */
	private static final int KINDS = PersonalData.Kind.values().length;

	@Autowired
	Scenario scenario;

	@Autowired
	CollaborationService collaborations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionProperties retention;

	@Autowired
	PersonalDataCleanup cleanup;

	@Autowired
	Plans plans;

	Map<String, Object> decisions = new HashMap<>(Map.of("continueCollaboration", true, "recommendationsAcknowledged", true));

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(LocalDateTime.of(2026, 1, 5, 9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());

	@Test
	void theRetentionPeriodAfterATerminationPassesAndTheInterviewDataIsDeletedFromHistoryAndOwnTablesAndLogged() {
		ProcessInstance collaboration = collaborations.start(scenario.newMunicipality("TH").id(), "2028-12-31", null);
		String kommune = collaboration.getBusinessKey();
		// the interview's day agreed: an invitation goes to the interviewee's address
		decisions.put(BaselineAnalysisProcess.Vars.INTERVIEW_SCHEDULE,
				FormRows.schedule(FormRows.interview(INTERVIEWEE, "carla.berg@example.org", "2027-12-20", "10:00", "Rathaus")));
		scenario.advance(collaboration, BaselineAnalysisProcess.Elements.ASSESS_POSITION, decisions);
		HistoricTaskInstance interview = history().createHistoricTaskInstanceQuery().processInstanceBusinessKey(kommune)
			.taskDefinitionKey(BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW).singleResult();
		assertThat(interview.getName()).contains(INTERVIEWEE);
		String invitation = interview.getId() + MeetingInvitations.INTERVIEW_UID_SUFFIX;
		assertThat(jdbc.sql("select attendees from koop_meeting where uid = ?").param(invitation).query(String.class).single())
			.contains("carla.berg@");
		String reminder = remindedAbout(interview, kommune);
		collaborations.terminate(kommune, Party.TRANSFERAGENTUR, "Die Förderung wird eingestellt.");
		scenario.complete(collaboration, RECORD_TERMINATION, Map.of("terminationRecordedDate", "2026-01-05", "funderInformed", true));
		assertThat(collaboration).isEnded();
		Instant ended = history().createHistoricProcessInstanceQuery().processInstanceId(collaboration.getId()).singleResult()
			.getEndTime().toInstant();
		assertThat(personalVariables(kommune)).contains(BaselineAnalysisProcess.Vars.EXPERTS, BaselineAnalysisProcess.Vars.INTERVIEW_NOTES);
		assertThat(interviewRecords(kommune)).as("the agency's interview record").isOne();
		assertThat(retention.getPersonalDataDays()).isEqualTo(90);

		// a day before the end of the retention period: nothing is deleted yet, the deletion is planned
		scenario.moveClockTo(ended.plus(Duration.ofDays(89)));
		runNightlyCleanup();
		assertThat(logOf(collaboration)).isEmpty();
		assertThat(personalVariables(kommune)).isNotEmpty();
		assertThat(cleanup.pending(null)).anySatisfy(pending -> {
			assertThat(pending.processInstanceId()).isEqualTo(collaboration.getId());
			assertThat(pending.deletionDue()).isEqualTo(ended.plus(Duration.ofDays(90)));
		});

		// past it: the next night's cleanup deletes
		scenario.moveClockTo(ended.plus(Duration.ofDays(91)));
		runNightlyCleanup();

		assertThat(personalVariables(kommune)).isEmpty();
		assertThat(interviewRecords(kommune)).as("the agency's interview record").isZero();
		assertThat(history().createHistoricProcessInstanceQuery().processInstanceBusinessKey(kommune)
			.processDefinitionKey(BaselineAnalysisProcess.KEY).count()).as("the analysis' history").isZero();
		assertThat(history().createHistoricTaskInstanceQuery().processInstanceBusinessKey(kommune).list())
			.as("no task named after an interviewee").noneMatch(task -> task.getName().contains(INTERVIEWEE))
			.isNotEmpty();
		assertThat(history().createHistoricVariableInstanceQuery().processInstanceId(collaboration.getId())
			.variableName("municipalityName").count()).as("the rest of the history stays").isOne();
		assertThat(jdbc.sql("select count(*) from koop_reminder where id = ?").param(reminder).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from koop_mail_log where reminder_id = ?").param(reminder).query(Integer.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from koop_meeting where uid = ?").param(invitation).query(Integer.class).single())
			.as("the interview's meeting with the interviewee's address").isZero();
		assertThat(jdbc.sql("select count(*) from koop_reminder where subject_id = ?").param(invitation).query(Integer.class).single())
			.as("its invitation").isZero();
		// the due reminder and the invitation
		assertThat(logOf(collaboration)).containsExactlyInAnyOrder("INTERVIEW_VARIABLES", "ANALYSIS_HISTORY 1", "REMINDERS 2", "PLAN_HISTORY 0",
				"MILESTONE_LOG 0");
		assertThat(jdbc.sql("select count(*) from koop_deletion_log where process_instance_id = ? and municipality_id = ? and ended_at = ?")
			.params(collaboration.getId(), kommune, Timestamp.from(ended)).query(Integer.class).single()).isEqualTo(KINDS);
		assertThat(cleanup.pending(null)).noneMatch(pending -> pending.processInstanceId().equals(collaboration.getId()));

		// once: the next night logs nothing new for it
		scenario.moveClockTo(ended.plus(Duration.ofDays(92)));
		runNightlyCleanup();
		assertThat(logOf(collaboration)).hasSize(KINDS);
	}

	@Test
	void aTerminationTheAgencyNeverDocumentsIsCountedFromTheDayItWasDeclared() {
		ProcessInstance collaboration = collaborations.start(scenario.newMunicipality("SN").id(), "2028-12-31", null);
		String kommune = collaboration.getBusinessKey();
		scenario.advance(collaboration, BaselineAnalysisProcess.Elements.ASSESS_POSITION, decisions);
		Instant declared = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
		collaborations.terminate(kommune, Party.KOMMUNE, "Der Stadtrat hat die Zusammenarbeit beendet.");
		// the agency's task "Beendigung dokumentieren" stays open: the process does not end
		assertThat(collaboration).isWaitingAt(RECORD_TERMINATION);
		assertThat(personalVariables(kommune)).contains(BaselineAnalysisProcess.Vars.EXPERTS);

		scenario.moveClockTo(declared.plus(Duration.ofDays(89)));
		runNightlyCleanup();
		assertThat(logOf(collaboration)).isEmpty();
		assertThat(cleanup.pending(null)).anySatisfy(pending -> {
			assertThat(pending.processInstanceId()).isEqualTo(collaboration.getId());
			assertThat(pending.municipalityId()).isEqualTo(kommune);
			assertThat(pending.deletionDue()).isEqualTo(declared.plus(Duration.ofDays(90)));
		});

		scenario.moveClockTo(declared.plus(Duration.ofDays(91)));
		runNightlyCleanup();

		assertThat(personalVariables(kommune)).as("history, deleted runtime variables included").isEmpty();
		assertThat(scenario.engine().getRuntimeService().getVariables(collaboration.getId()))
			.as("and the running collaboration").doesNotContainKeys(PersonalData.INTERVIEW_VARIABLES.toArray(String[]::new));
		assertThat(history().createHistoricProcessInstanceQuery().processInstanceBusinessKey(kommune)
			.processDefinitionKey(BaselineAnalysisProcess.KEY).count()).as("the analysis' history").isZero();
		assertThat(logOf(collaboration)).containsExactlyInAnyOrder("INTERVIEW_VARIABLES", "ANALYSIS_HISTORY 1", "REMINDERS 0", "PLAN_HISTORY 0",
				"MILESTONE_LOG 0");
		assertThat(cleanup.pending(null)).noneMatch(pending -> pending.processInstanceId().equals(collaboration.getId()));

		// documenting the ending later still works, and deletes nothing twice
		// (documented today: a date of something done is never in the future)
		String today = declared.plus(Duration.ofDays(91)).atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate().toString();
		scenario.complete(collaboration, RECORD_TERMINATION, Map.of("terminationRecordedDate", today, "funderInformed", true));
		assertThat(collaboration).isEnded();
		scenario.moveClockTo(declared.plus(Duration.ofDays(200)));
		runNightlyCleanup();
		assertThat(logOf(collaboration)).hasSize(KINDS);
	}

	@Test
	void anEndOfFundingWhoseFinalReportIsNotWrittenIsCountedFromTheDayTheFundingEnded() {
		// the implementation ended at the end of funding: the final report to the funder is due
		ProcessInstance collaboration = scenario.startCollaborationAt("BY", CollaborationProcess.Elements.FINAL_REPORT,
				Map.of(BaselineAnalysisProcess.Vars.EXPERTS, INTERVIEWEE + ", Schulamt, carla.berg@example.org"));
		Instant fundingEnded = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();

		scenario.moveClockTo(fundingEnded.plus(Duration.ofDays(91)));
		runNightlyCleanup();

		assertThat(collaboration).isWaitingAt(CollaborationProcess.Elements.FINAL_REPORT);
		assertThat(personalVariables(collaboration.getBusinessKey())).isEmpty();
		assertThat(scenario.runtime().getVariables(collaboration.getId())).doesNotContainKey(BaselineAnalysisProcess.Vars.EXPERTS);
		assertThat(jdbc.sql("select ended_at from koop_deletion_log where process_instance_id = ?").param(collaboration.getId())
			.query(Timestamp.class).list()).hasSize(KINDS).allSatisfy(ended -> assertThat(ended.toInstant()).isEqualTo(fundingEnded));
	}

	@Test
	void afterTheRetentionPeriodThePlansCommentsGo_andNoPlanChangeOrMilestoneStepNamesItsUser_untilALaterCollaboration() throws Exception {
		ProcessInstance collaboration = collaborations.start(scenario.newMunicipality("SN").id(), "2028-12-31", null);
		String kommune = collaboration.getBusinessKey();
		plans.importPlan(kommune, PlanImport.read("Maßnahme;2026\n1. Netzwerke;\nKick-off;April\n".getBytes(StandardCharsets.UTF_8),
				"plan.csv"), "anja.wendler", "plan.csv");
		String kickOff = plans.of(kommune).activities().get(0).id();
		plans.changeStatus(kommune, kickOff, PlanStatus.RUNNING, "anja.wendler");
		assertThat(plans.comment(kommune, kickOff, "Frau Wendler klärt den Termin mit dem Schulamt.", "lena.vogt")).isEmpty();
		Timestamp now = Timestamp.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
		java.sql.Date today = new java.sql.Date(now.getTime());
		jdbc.sql("insert into koop_milestone_part (municipality_id, item_key, party, closed_on, closed_by) values (?, 'M1', 'KOMMUNE', ?, ?)")
			.params(kommune, today, "anja.wendler").update();
		jdbc.sql("insert into koop_milestone_closure (municipality_id, item_key, closed_on, closed_by) values (?, 'M1', ?, ?)")
			.params(kommune, today, "lena.vogt").update();
		jdbc.sql("insert into koop_milestone_log (municipality_id, item_key, action, done_by, done_at) values (?, 'M1', ?, ?, ?)")
			.params(kommune, "Teil „Kommune“ abgeschlossen", "anja.wendler", now).update();
		// another Kommune's plan is not touched
		ProcessInstance running = collaborations.start(scenario.newMunicipality("SN").id(), "2028-12-31", null);
		plans.importPlan(running.getBusinessKey(), PlanImport.read("Maßnahme;2026\n1. Netzwerke;\nKick-off;April\n"
			.getBytes(StandardCharsets.UTF_8), "plan.csv"), "petra.lange", "plan.csv");

		Instant declared = now.toInstant();
		collaborations.terminate(kommune, Party.KOMMUNE, "Der Stadtrat hat die Zusammenarbeit beendet.");
		scenario.complete(collaboration, RECORD_TERMINATION, Map.of("terminationRecordedDate", "2026-01-05", "funderInformed", true));
		// a month later the Kommune starts again; what is said and done from then on belongs to the new collaboration
		scenario.moveClockTo(declared.plus(Duration.ofDays(30)));
		collaborations.start(kommune, "2029-12-31", null);
		scenario.moveClockTo(declared.plus(Duration.ofDays(31)));
		assertThat(plans.comment(kommune, kickOff, "Neuer Anlauf im Frühjahr.", "jonas.berger")).isEmpty();

		scenario.moveClockTo(declared.plus(Duration.ofDays(89)));
		runNightlyCleanup();
		assertThat(plans.changes(kommune)).extracting(PlanChange::by).contains("anja.wendler", "lena.vogt");

		scenario.moveClockTo(declared.plus(Duration.ofDays(91)));
		runNightlyCleanup();

		assertThat(plans.changes(kommune)).extracting(change -> change.by() + ": " + change.label()).containsExactly(
				"jonas.berger: Kommentar: Neuer Anlauf im Frühjahr.",
				"(gelöscht): Status: geplant → läuft",
				"(gelöscht): Import aus „plan.csv“: 1 Handlungsfeld, 1 Maßnahme übernommen");
		assertThat(plans.of(kommune).activities()).as("the plan itself stays").singleElement()
			.satisfies(activity -> assertThat(activity.status()).isEqualTo(PlanStatus.RUNNING));
		assertThat(jdbc.sql("select done_by from koop_milestone_log where municipality_id = ?").param(kommune).query(String.class).list())
			.containsExactly("(gelöscht)");
		assertThat(jdbc.sql("select closed_by from koop_milestone_part where municipality_id = ?").param(kommune).query(String.class).list())
			.containsExactly("(gelöscht)");
		assertThat(jdbc.sql("select closed_by from koop_milestone_closure where municipality_id = ?").param(kommune).query(String.class)
			.list()).containsExactly("(gelöscht)");
		assertThat(logOf(collaboration)).contains("PLAN_HISTORY 3", "MILESTONE_LOG 3");
		assertThat(plans.changes(running.getBusinessKey())).extracting(PlanChange::by).containsExactly("petra.lange");
	}

	@Test
	void aRunningCollaborationKeepsItsInterviewData() {
		ProcessInstance collaboration = collaborations.start(scenario.newMunicipality("NI").id(), "2028-12-31", null);
		scenario.advance(collaboration, BaselineAnalysisProcess.Elements.ASSESS_POSITION, decisions);

		cleanup.cleanUp(Instant.now().plus(Duration.ofDays(400)));

		assertThat(personalVariables(collaboration.getBusinessKey())).isNotEmpty();
		assertThat(logOf(collaboration)).isEmpty();
	}

	/** Starts the cleanup process as its nightly timer does. */
	private void runNightlyCleanup() {
		Job timer = scenario.management().createJobQuery().processDefinitionKey(CLEANUP_PROCESS).timers().singleResult();
		scenario.management().executeJob(timer.getId());
		assertThat(history().createHistoricProcessInstanceQuery().processDefinitionKey(CLEANUP_PROCESS).finished().count()).isPositive();
	}

	/** Names of the personal variables left anywhere in the history of the Kommune's collaboration. */
	private int interviewRecords(String kommune) {
		return jdbc.sql("select count(*) from koop_interview where municipality_id = ?").param(kommune).query(Integer.class).single();
	}

	private List<String> personalVariables(String kommune) {
		String[] instances = history().createHistoricProcessInstanceQuery().processInstanceBusinessKey(kommune).list().stream()
			.map(HistoricProcessInstance::getId).toArray(String[]::new);
		return history().createHistoricVariableInstanceQuery().processInstanceIdIn(instances)
			.variableNameIn(PersonalData.INTERVIEW_VARIABLES.toArray(String[]::new))
			.includeDeleted()
			.disableCustomObjectDeserialization()
			.list().stream().map(variable -> variable.getName()).distinct().toList();
	}

	/** Kinds logged for the collaboration, with the count where it is fixed. */
	private List<String> logOf(ProcessInstance collaboration) {
		return jdbc.sql("select kind, item_count from koop_deletion_log where process_instance_id = ?")
			.param(collaboration.getId())
			.query((rs, row) -> rs.getString(1).equals("INTERVIEW_VARIABLES") ? rs.getString(1) : rs.getString(1) + " " + rs.getInt(2))
			.list();
	}

	/** A reminder about the interview task and its mail, as the reminder sweep records them (subject names the interviewee). */
	private String remindedAbout(HistoricTaskInstance task, String kommune) {
		String reminder = UUID.randomUUID().toString();
		Timestamp now = Timestamp.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
		jdbc.sql("insert into koop_reminder (id, subject_type, subject_id, kind, due_at, municipality_id, scheduled_at, status) values (?, 'TASK', ?, 'DUE', ?, ?, ?, 'SENT')")
			.params(reminder, task.getId(), now, kommune, now)
			.update();
		jdbc.sql("insert into koop_mail_log (id, reminder_id, sent_at, recipients, subject, kind, municipality_id) values (?, ?, ?, ?, ?, 'DUE', ?)")
			.params(UUID.randomUUID().toString(), reminder, now, "lena.vogt@example.org", "Heute fällig: „" + task.getName() + "“", kommune)
			.update();
		return reminder;
	}

	private HistoryService history() {
		return scenario.engine().getHistoryService();
	}

}
