package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;
import jakarta.mail.internet.MimeMessage;

/**
 * What a crash while sending leaves behind, and what becomes of it: every mail of a reminder carries
 * the same Message-ID derived from the reminder, so a copy sent again after a crash is recognisable
 * as the same mail; a reminder claimed by a run that died is sent once its claim has expired.
 */
@ProcessTest
@Import(ReminderTestSupport.class)
class ReminderCrashTests {

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Autowired
	JdbcClient jdbc;

	String member;

	Task task;

	@BeforeEach
	void aTaskDueInAWeek() {
		reminders.setClock(2026, 10, 19, 9, 0);
		member = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		ProcessInstance collaboration = scenario.startCollaboration("TH");
		task = scenario.task(collaboration, CollaborationProcess.Elements.INTRODUCTORY_TALKS);
		scenario.tasks().setDueDate(task.getId(),
				Date.from(LocalDateTime.of(2026, 11, 9, 23, 59).atZone(ZoneId.of("Europe/Berlin")).toInstant()));
		reminders.setClock(2026, 11, 2, 8, 0);
		reminders.sweep();
	}

	@Test
	void aReminderMailCarriesAMessageIdMadeFromItsReminder() throws Exception {
		String reminderId = reminderOfTask();
		assertThat(reminders.sendPending()).isEmpty();

		List<MimeMessage> mails = reminders.mailsTo(member, task.getId());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getHeader("Message-ID")).containsExactly(
				"<reminder-" + reminderId + "@kooperation.transferagentur.example.org>");
	}

	@Test
	void aReminderClaimedByARunThatDiedIsSentOnceAfterTheClaimExpired() throws Exception {
		String reminderId = reminderOfTask();
		// the state a node leaves when it dies after claiming, before (or while) sending
		jdbc.sql("update koop_reminder set status = 'SENDING', claimed_at = ? where id = ?")
			.params(Timestamp.from(ClockUtil.getCurrentTime().toInstant()), reminderId)
			.update();

		// the job runs again at once (its lock released or expired): the claim is fresh, so it waits
		assertThat(reminders.sendPending()).hasSize(1);
		assertThat(reminders.mailsTo(member, task.getId())).isEmpty();

		// its retry five minutes later finds the claim expired (3 minutes) and sends
		scenario.moveClockBy(Duration.ofMinutes(6));
		assertThat(reminders.sendPending()).isEmpty();

		List<MimeMessage> mails = reminders.mailsTo(member, task.getId());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getMessageID()).isEqualTo("<reminder-" + reminderId + "@kooperation.transferagentur.example.org>");
		assertThat(jdbc.sql("select status from koop_reminder where id = ?").param(reminderId).query(String.class).single())
			.isEqualTo(ReminderRepository.SENT);
		assertThat(jdbc.sql("select count(*) from koop_mail_log where reminder_id = ?").param(reminderId).query(Integer.class).single())
			.isEqualTo(1);
		// nothing left to run
		assertThat(scenario.management().createJobQuery().processDefinitionKey(ReminderProcess.KEY).list().stream()
			.filter(job -> reminderId.equals(variableOf(job)))
			.toList()).isEmpty();
	}

	private String reminderOfTask() {
		return jdbc.sql("select id from koop_reminder where subject_type = 'TASK' and subject_id = ?")
			.param(task.getId())
			.query(String.class)
			.single();
	}

	private Object variableOf(Job job) {
		return scenario.runtime().getVariable(job.getProcessInstanceId(), ReminderProcess.VAR_REMINDER_ID);
	}

}
