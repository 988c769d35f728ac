package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import de.kooperation.FormRows;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.PartyGroups;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** An expert interview that moves to another day: the calendar entry moves with it. */
@ProcessTest
@Import(ReminderTestSupport.class)
class InterviewMoveTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Test
	void aMovedInterviewSendsTheExpertAndTheAgencyAnUpdate_withTheSameUidAndAHigherSequence_andComesAgainOnTheNewDay() throws Exception {
		reminders.setClock(2027, 2, 1, 9, 0);
		String agency = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		ProcessInstance analysis = scenario.startStandalone(BaselineAnalysisProcess.KEY, "NI", Map.of());
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.PROPOSE_EXPERTS,
				Map.of(BaselineAnalysisProcess.Vars.EXPERT_PROPOSAL, FormRows.experts("Doris Vogel; Sozialplanerin")));
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.SELECT_EXPERTS,
				Map.of(BaselineAnalysisProcess.Vars.EXPERT_SELECTION, FormRows.experts("Doris Vogel; Sozialplanerin; doris.vogel@example.org")));
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.PREPARE_INTERVIEW_GUIDE,
				Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_GUIDE_LINK, "https://ablage.example/leitfaden.docx"));
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.SCHEDULE_INTERVIEWS,
				Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_SCHEDULE,
						FormRows.schedule(FormRows.interview("Doris Vogel", "doris.vogel@example.org", "2027-02-22", "14:30", "Kreishaus Raum 3"))));
		assertThat(reminders.sendPending()).isEmpty();
		VEvent invited = event(reminders.mailsTo("doris.vogel@example.org", "Doris Vogel").get(0));

		// the expert asks for another day; without the new day nothing is sent
		reminders.setClock(2027, 2, 18, 10, 0);
		String first = scenario.task(analysis, BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW).getId();
		assertThatThrownBy(() -> scenario.tasks().complete(first, Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_POSTPONED, true)))
			.hasMessageContaining("Bitte „Neuer Termin“ ausfüllen.");
		assertThatThrownBy(() -> scenario.tasks().complete(first, Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_POSTPONED, true,
				BaselineAnalysisProcess.Vars.INTERVIEW_NEW_DATE, "2027-03-01", BaselineAnalysisProcess.Vars.INTERVIEW_NEW_TIME, "elf Uhr")))
			.hasMessageContaining("Uhrzeit");
		assertThatThrownBy(() -> scenario.tasks().complete(first, Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_POSTPONED, true,
				BaselineAnalysisProcess.Vars.INTERVIEW_NEW_DATE, "2027-02-17")))
			.hasMessageContaining("Vergangenheit");
		assertThat(reminders.sendPending()).isEmpty();
		assertThat(reminders.mailsTo("doris.vogel@example.org", "Doris Vogel")).hasSize(1);
		scenario.tasks().complete(first, Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_POSTPONED, true,
				BaselineAnalysisProcess.Vars.INTERVIEW_NEW_DATE, "2027-03-01", BaselineAnalysisProcess.Vars.INTERVIEW_NEW_TIME, "11:00",
				BaselineAnalysisProcess.Vars.INTERVIEW_NEW_LOCATION, "Kreishaus Raum 5"));
		assertThat(reminders.sendPending()).isEmpty();

		for (String address : List.of("doris.vogel@example.org", agency)) {
			List<MimeMessage> mails = reminders.mailsTo(address, "Doris Vogel");
			assertThat(mails).as(address).hasSize(2);
			assertThat(mails.get(1).getSubject()).startsWith("Terminänderung: Experteninterview mit Doris Vogel")
				.contains("01.03.2027 um 11:00 Uhr");
			VEvent moved = event(mails.get(1));
			assertThat(moved.getUid().get().getValue()).isEqualTo(invited.getUid().get().getValue());
			assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
			assertThat(ZonedDateTime.from((Temporal) moved.getDateTimeStart().getDate()).withZoneSameInstant(ZONE).toLocalDateTime())
				.isEqualTo(LocalDateTime.of(2027, 3, 1, 11, 0));
			assertThat(moved.getLocation().getValue()).isEqualTo("Kreishaus Raum 5");
		}
		// the interview is still to be held, by the same name
		Task again = scenario.task(analysis, BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW);
		assertThat(again.getName()).isEqualTo("Experteninterview führen: Doris Vogel");
		assertThat(scenario.tasks().getVariable(again.getId(), BaselineAnalysisProcess.Vars.INTERVIEW_POSTPONED)).isEqualTo(false);

		// held on the new day: recorded, no further mail about it
		reminders.setClock(2027, 3, 1, 15, 0);
		scenario.tasks().complete(again.getId(), Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_POSTPONED, false,
				BaselineAnalysisProcess.Vars.INTERVIEW_DATE, "2027-03-01", BaselineAnalysisProcess.Vars.INTERVIEW_NOTES, "Protokoll in der Ablage"));
		assertThat(scenario.tasks().createTaskQuery().processInstanceId(analysis.getId())
			.taskDefinitionKey(BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW).count()).isZero();
		assertThat(reminders.sendPending()).isEmpty();
		assertThat(reminders.mailsTo("doris.vogel@example.org", "Doris Vogel")).hasSize(2);
	}

	static VEvent event(MimeMessage message) throws Exception {
		String ics = ReminderTestSupport.part(message, "text/calendar");
		assertThat(ics).as("calendar attachment").isNotNull().contains("METHOD:REQUEST");
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
	}

}
