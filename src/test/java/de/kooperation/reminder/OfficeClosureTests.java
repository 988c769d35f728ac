package de.kooperation.reminder;

import static de.kooperation.shared.CollaborationProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.PartyGroups;
import jakarta.mail.internet.MimeMessage;

/** The offices close on 24 and 31 December: nothing falls due then and no reminder goes out. */
@ProcessTest
@Import(ReminderTestSupport.class)
class OfficeClosureTests {

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Test
	void aThirtyDayStageStartedOnTheFirstOfDecemberIsDueAfterNewYear_andItsReminderComesBeforeNewYearsEve() throws Exception {
		reminders.setClock(2026, 12, 1, 9, 0);
		String agency = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		ProcessInstance collaboration = scenario.startCollaborationAt("TH", SCHEDULE_EXPLORATORY_MEETING, Map.of());
		Task task = scenario.task(collaboration, SCHEDULE_EXPLORATORY_MEETING);
		String kommune = scenario.runtime().getVariable(collaboration.getId(), "municipalityName").toString();

		// 30 days from 01.12. is 31.12. (closed), then New Year (holiday) and the weekend: Monday 04.01.2027
		assertThat(task.getDueDate())
			.isEqualTo(Date.from(LocalDateTime.of(2027, 1, 4, 23, 59).atZone(ZoneId.of("Europe/Berlin")).toInstant()));

		// the reminder the day before the due day moves back over the weekend, the holiday and the closure day
		reminders.setClock(2026, 12, 30, 9, 0);
		reminders.sweep();
		assertThat(reminders.sendPending()).isEmpty();
		List<MimeMessage> before = reminders.mailsTo(agency, kommune);
		assertThat(before).isNotEmpty();
		assertThat(before).allSatisfy(mail -> assertThat(mail.getSubject()).contains("ist am 04.01.2027 fällig"));
		assertThat(before.get(before.size() - 1).getSubject()).doesNotContain("31.12.2026");

		// on New Year's Eve nothing goes out
		reminders.setClock(2026, 12, 31, 9, 0);
		reminders.sweep();
		assertThat(reminders.sendPending()).isEmpty();
		assertThat(reminders.mailsTo(agency, kommune)).hasSameSizeAs(before);
	}

}
