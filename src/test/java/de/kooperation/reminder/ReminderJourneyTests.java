package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.shared.PartyGroups;

/**
 * Reminders through a collaboration of many months: the engine clock moves day by day, the sweep
 * runs every morning, both parties work on their tasks every four weeks. Every mail must be about
 * work that was open when it was sent, go out on a working day of Thüringen, and never twice.
 */
@ProcessTest
@Import(ReminderTestSupport.class)
class ReminderJourneyTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Autowired
	CollaborationService collaborations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	@Test
	void everyReminderIsAboutOpenWorkOnAWorkingDayAndNoneIsSentTwice() {
		reminders.setClock(2026, 1, 5, 8, 30);
		ProcessInstance collaboration = collaborations.start(scenario.newMunicipality("TH").id(), "2026-12-31", null);
		String kommune = collaboration.getBusinessKey();
		reminders.userInGroup(PartyGroups.municipalityContacts(kommune));
		reminders.userInGroup(PartyGroups.municipalityLeadership(kommune));
		Map<String, Object> decisions = new HashMap<>(Map.of("continueCollaboration", true, "transferPlanWanted", false));

		LocalDate day = LocalDate.of(2026, 1, 5);
		for (int i = 0; i < 150 && isRunning(collaboration); i++, day = day.plusDays(1)) {
			scenario.moveClockTo(day.atTime(8, 30).atZone(BERLIN).toInstant());
			scenario.executeDueJobs(collaboration);
			reminders.sweep();
			assertThat(reminders.sendPending()).isEmpty();
			// the parties catch up on every fourth Friday, so some work runs late and is reminded of
			if (day.getDayOfWeek() == java.time.DayOfWeek.FRIDAY && (i / 7) % 4 == 0) {
				scenario.moveClockTo(day.atTime(15, 0).atZone(BERLIN).toInstant());
				scenario.completeOpenTasks(collaboration, decisions);
			}
		}

		List<Map<String, Object>> sent = jdbc.sql("""
				select r.subject_id, r.kind, l.sent_at from koop_reminder r join koop_mail_log l on l.reminder_id = r.id
				where r.municipality_id = ? and r.subject_type = 'TASK'""").param(kommune).query().listOfRows();
		assertThat(sent).as("reminders of this collaboration").hasSizeGreaterThanOrEqualTo(5);
		assertThat(sent.stream().map(row -> row.get("SUBJECT_ID") + "/" + row.get("KIND")).distinct().count())
			.as("no task reminded twice of the same kind").isEqualTo(sent.size());
		for (Map<String, Object> row : sent) {
			Instant sentAt = ((java.sql.Timestamp) row.get("SENT_AT")).toInstant();
			assertThat(workingDays.isWorkingDay(sentAt.atZone(BERLIN).toLocalDate(), "TH")).as("sent on %s", sentAt).isTrue();
			HistoricTaskInstance task = scenario.engine().getHistoryService().createHistoricTaskInstanceQuery()
				.taskId((String) row.get("SUBJECT_ID")).singleResult();
			assertThat(task.getEndTime() == null || task.getEndTime().toInstant().isAfter(sentAt))
				.as("%s was still open when reminded (%s)", task.getName(), row.get("KIND")).isTrue();
		}
		assertThat(sent).extracting(row -> row.get("KIND")).contains("BEFORE_7", "BEFORE_1", "DUE", "OVERDUE", "ESCALATION");
	}

	private boolean isRunning(ProcessInstance collaboration) {
		return scenario.runtime().createProcessInstanceQuery().processInstanceId(collaboration.getId()).count() > 0;
	}

}
