package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;
import jakarta.mail.internet.MimeMessage;

/**
 * Reminders of the introductory talks (offered to the agency team) through real SMTP, with the
 * engine clock moved from day to day. The deadline is Monday 9 November 2026 in Thüringen.
 */
@ProcessTest
@Import(ReminderTestSupport.class)
class ReminderScenarioTests {

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Autowired
	ReminderPreferences preferences;

	String member;

	String leader;

	ProcessInstance collaboration;

	Task task;

	@BeforeEach
	void aCollaborationWithADeadline() {
		reminders.setClock(2026, 10, 19, 9, 0);
		member = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		leader = reminders.userInGroup(PartyGroups.AGENCY_LEADERSHIP);
		collaboration = scenario.startCollaboration("TH");
		task = scenario.task(collaboration, CollaborationProcess.Elements.INTRODUCTORY_TALKS);
		scenario.tasks().setDueDate(task.getId(), at(2026, 11, 9, 23, 59));
	}

	@AfterEach
	void restartServer() {
		reminders.server().start();
	}

	@Test
	void eachReminderArrivesOnceOnItsWorkingDayAndTheLeadershipHearsOnce() {
		// nothing before 08:00 one week ahead
		sweepAt(2026, 11, 2, 7, 59);
		assertThat(mailsForTask(member)).isEmpty();

		sweepAt(2026, 11, 2, 8, 0);
		assertThat(mailsForTask(member)).hasSize(1);
		MimeMessage first = mailsForTask(member).get(0);
		assertThat(subject(first)).contains("Einleitende Gespräche führen").contains("09.11.2026");
		String text = ReminderTestSupport.part(first, "text/plain");
		assertThat(text).contains("Teststadt").contains("in 7 Tagen")
			.contains("/camunda/app/tasklist/default/#/?task=" + task.getId());
		assertThat(ReminderTestSupport.part(first, "text/html")).contains("<a href=");

		// a second sweep the same day sends nothing new
		sweepAt(2026, 11, 2, 8, 15);
		assertThat(mailsForTask(member)).hasSize(1);

		// "one day before" is Sunday 8 November: moved back to Friday
		sweepAt(2026, 11, 6, 8, 0);
		assertThat(mailsForTask(member)).hasSize(2);
		sweepAt(2026, 11, 9, 8, 0);
		assertThat(mailsForTask(member)).hasSize(3);
		assertThat(subject(mailsForTask(member).get(2))).startsWith("Heute fällig");
		sweepAt(2026, 11, 10, 8, 0);
		assertThat(mailsForTask(member)).hasSize(4);
		assertThat(subject(mailsForTask(member).get(3))).startsWith("Überfällig");
		assertThat(mailsForTask(leader)).isEmpty();

		// five working days overdue: the Projektleitung is told, once
		sweepAt(2026, 11, 16, 8, 0);
		sweepAt(2026, 11, 17, 8, 0);
		assertThat(mailsForTask(leader)).hasSize(1);
		assertThat(subject(mailsForTask(leader).get(0))).startsWith("Eskalation");
		assertThat(ReminderTestSupport.part(mailsForTask(leader).get(0), "text/plain"))
			.contains("Die Zuständigen wurden 2-mal vor der Frist, am Tag der Frist und am ersten Arbeitstag danach erinnert.");
		assertThat(mailsForTask(member)).hasSize(4);
	}

	@Test
	void aTaskAlreadyLongOverdueWhenItAppearsEscalatesWithoutClaimingRemindersThatWereNeverSent() {
		scenario.tasks().setDueDate(task.getId(), at(2026, 10, 5, 23, 59));

		sweepAt(2026, 10, 19, 8, 0);

		assertThat(mailsForTask(leader)).hasSize(1);
		String escalation = ReminderTestSupport.part(mailsForTask(leader).get(0), "text/plain");
		assertThat(escalation).contains("Die Zuständigen wurden bisher nicht eigens erinnert").doesNotContain("bereits erinnert");
	}

	@Test
	void aCompletedTaskGetsNoFurtherReminders() {
		sweepAt(2026, 11, 2, 8, 0);
		assertThat(mailsForTask(member)).hasSize(1);

		scenario.complete(collaboration, CollaborationProcess.Elements.INTRODUCTORY_TALKS, Map.of(
				"introductoryTalksDate", "2026-11-02", "initialNeeds", "Bildungsmonitoring", "continueCollaboration", false));

		sweepAt(2026, 11, 6, 8, 0);
		sweepAt(2026, 11, 9, 8, 0);
		sweepAt(2026, 11, 20, 8, 0);
		assertThat(mailsForTask(member)).hasSize(1);
		assertThat(mailsForTask(leader)).isEmpty();
	}

	@Test
	void aReminderDecidedBeforeTheTaskWasCompletedIsNotSent() {
		reminders.setClock(2026, 11, 2, 8, 0);
		reminders.sweep();
		scenario.complete(collaboration, CollaborationProcess.Elements.INTRODUCTORY_TALKS, Map.of(
				"introductoryTalksDate", "2026-11-02", "initialNeeds", "Bildungsmonitoring", "continueCollaboration", false));

		assertThat(reminders.sendPending()).isEmpty();
		assertThat(mailsForTask(member)).isEmpty();
	}

	@Test
	void aChangedDueDateMovesTheReminders() {
		reminders.setClock(2026, 11, 2, 8, 0);
		reminders.sweep();
		// postponed by two weeks before the mail went out
		scenario.tasks().setDueDate(task.getId(), at(2026, 11, 23, 23, 59));
		assertThat(reminders.sendPending()).isEmpty();
		assertThat(mailsForTask(member)).isEmpty();

		sweepAt(2026, 11, 9, 8, 0);
		assertThat(mailsForTask(member)).isEmpty();
		sweepAt(2026, 11, 16, 8, 0);
		assertThat(mailsForTask(member)).hasSize(1);
		assertThat(subject(mailsForTask(member).get(0))).contains("23.11.2026");
	}

	@Test
	void whileSmtpIsDownTheJobRetriesThenRaisesAnIncidentAndAfterARetryTheMailGoesOutOnce() {
		reminders.server().stop();
		reminders.setClock(2026, 11, 2, 8, 0);
		reminders.sweep();

		Job job = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			// each failure reschedules the job five minutes later
			scenario.moveClockBy(java.time.Duration.ofMinutes(6));
			assertThat(reminders.sendPending()).isNotEmpty();
		}
		List<Incident> incidents = scenario.runtime().createIncidentQuery().incidentType("failedJob").list().stream()
			.filter(incident -> reminderOf(incident.getProcessInstanceId()))
			.toList();
		assertThat(incidents).hasSize(1);
		job = scenario.management().createJobQuery().jobId(incidents.get(0).getConfiguration()).singleResult();
		assertThat(job.getRetries()).isZero();

		reminders.server().start();
		scenario.management().setJobRetries(job.getId(), 1);
		scenario.moveClockBy(java.time.Duration.ofMinutes(6));
		assertThat(reminders.sendPending()).isEmpty();

		assertThat(mailsForTask(member)).hasSize(1);
		assertThat(scenario.runtime().createIncidentQuery().incidentId(incidents.get(0).getId()).count()).isZero();
		// a sweep later that morning decides nothing again
		sweepAt(2026, 11, 2, 11, 0);
		assertThat(mailsForTask(member)).hasSize(1);
	}

	@Test
	void aUserWhoPrefersTheWeeklyDigestGetsOneMondayMailInsteadOfSingleReminders() {
		String digestUser = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		String userId = digestUser.substring(0, digestUser.indexOf('@'));
		scenario.engine().getIdentityService().setUserInfo(userId, Recipients.PREFERENCE_KEY, Recipients.WEEKLY);

		sweepAt(2026, 11, 2, 8, 0);
		assertThat(mailsForTask(member)).hasSize(1);
		assertThat(mailsForTask(digestUser)).isEmpty();

		reminders.setClock(2026, 11, 2, 7, 0);
		reminders.digest();
		assertThat(reminders.sendPending()).isEmpty();
		List<MimeMessage> digests = mailsForTask(digestUser);
		assertThat(digests).hasSize(1);
		assertThat(subject(digests.get(0))).startsWith("Wochenübersicht");
		assertThat(ReminderTestSupport.part(digests.get(0), "text/plain")).contains("Einleitende Gespräche führen")
			.contains("fällig am 09.11.2026");

		// the same Monday again: no second digest
		reminders.digest();
		reminders.sendPending();
		assertThat(mailsForTask(digestUser)).hasSize(1);
	}

	@Test
	void aUserWhoSwitchedOffRemindersBeforeTheDeadlineGetsOnlyTheDueDayAndOverdueMails() {
		String chooser = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		String userId = chooser.substring(0, chooser.indexOf('@'));
		preferences.save(userId, new ReminderPreferences.Preferences(false,
				java.util.EnumSet.of(ReminderPreferences.Choice.DUE, ReminderPreferences.Choice.OVERDUE)));

		sweepAt(2026, 11, 2, 8, 0);
		sweepAt(2026, 11, 6, 8, 0);
		assertThat(mailsForTask(chooser)).as("no reminders before the deadline").isEmpty();
		assertThat(mailsForTask(member)).as("the colleague still gets them").hasSize(2);
		sweepAt(2026, 11, 9, 8, 0);
		sweepAt(2026, 11, 10, 8, 0);
		assertThat(mailsForTask(chooser)).extracting(ReminderScenarioTests::subject)
			.satisfiesExactly(due -> assertThat(due).startsWith("Heute fällig"), late -> assertThat(late).startsWith("Überfällig"));
		assertThat(ReminderTestSupport.part(mailsForTask(chooser).get(0), "text/plain")).contains("/benachrichtigungen");
	}

	private boolean reminderOf(String processInstanceId) {
		ProcessInstance instance = scenario.runtime().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
		Object id = scenario.runtime().getVariable(processInstanceId, ReminderProcess.VAR_REMINDER_ID);
		return instance != null && id != null;
	}

	private void sweepAt(int year, int month, int day, int hour, int minute) {
		reminders.setClock(year, month, day, hour, minute);
		reminders.sweep();
		assertThat(reminders.sendPending()).isEmpty();
	}

	private List<MimeMessage> mailsForTask(String address) {
		return reminders.mailsTo(address, task.getId());
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static Date at(int year, int month, int day, int hour, int minute) {
		return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneId.of("Europe/Berlin")).toInstant());
	}

}
