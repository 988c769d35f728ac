package de.kooperation.reminder;

import static de.kooperation.shared.CollaborationProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.kooperation.FormRows;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.ImplementationProcess;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** Meetings that will not take place once a collaboration ended are cancelled in everyone's calendar. */
@ProcessTest
@Import(ReminderTestSupport.class)
class MeetingCancellationTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Autowired
	CollaborationService collaborations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenTheKommuneTerminates_theInvitedSondierungIsCancelledForEveryone_withTheSameUidAndAHigherSequence() throws Exception {
		reminders.setClock(2026, 11, 23, 9, 0);
		String transferManager = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		ProcessInstance collaboration = scenario.startCollaborationAt("TH", SCHEDULE_EXPLORATORY_MEETING,
				Map.of("transferManager", transferManager.substring(0, transferManager.indexOf('@'))));
		String contact = reminders.userInGroup(PartyGroups.municipalityContacts(collaboration.getBusinessKey()));
		scenario.complete(collaboration, SCHEDULE_EXPLORATORY_MEETING, Map.of("exploratoryMeetingDate", "2026-12-03",
				"exploratoryMeetingTime", "14:30", "exploratoryMeetingLocation", "Rathaus, Raum 101"));
		assertThat(reminders.sendPending()).isEmpty();
		VEvent invited = event(reminders.mailsTo(contact, "Sondierungsgespräch").get(0), "REQUEST");

		reminders.setClock(2026, 11, 25, 11, 0);
		collaborations.terminate(collaboration.getBusinessKey(), CollaborationService.Party.KOMMUNE, "Haushaltssperre");
		assertThat(reminders.sendPending()).isEmpty();

		for (String address : List.of(contact, transferManager)) {
			List<MimeMessage> mails = reminders.mailsTo(address, "Sondierungsgespräch");
			assertThat(mails).as(address).hasSize(2);
			MimeMessage cancellation = mails.get(1);
			assertThat(cancellation.getSubject()).startsWith("Abgesagt: Sondierungsgespräch").contains("03.12.2026 um 14:30 Uhr");
			assertThat(ReminderTestSupport.body(cancellation)).contains("findet nicht statt");
			VEvent cancelled = event(cancellation, "CANCEL");
			assertThat(cancelled.getUid().get().getValue()).isEqualTo(invited.getUid().get().getValue());
			assertThat(cancelled.getSequence().getSequenceNo()).isEqualTo(invited.getSequence().getSequenceNo() + 1);
			assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
		}
		// the meeting's task is gone with the termination: no reminder of it; recording the end cancels nothing twice
		assertThat(scenario.tasks().createTaskQuery().processInstanceBusinessKey(collaboration.getBusinessKey())
			.taskDefinitionKey(EXPLORATORY_MEETING).count()).isZero();
		scenario.complete(collaboration, RECORD_TERMINATION, Map.of("terminationRecordedDate", "2026-11-25", "funderInformed", true));
		assertThat(reminders.sendPending()).isEmpty();
		assertThat(reminders.mailsTo(contact, "Sondierungsgespräch")).hasSize(2);
	}

	@Test
	void whenTheAgencyTerminatesDuringTheAnalysis_eachInvitedExpertsInterviewIsCancelled_andAnInvitationNotYetSentIsDropped() throws Exception {
		reminders.setClock(2027, 2, 1, 9, 0);
		String agency = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		ProcessInstance collaboration = scenario.startCollaborationAt("NI", CALL_BASELINE_ANALYSIS,
				Map.of("analysisTopics", "Bildungsmonitoring", "baselineAnalysisDue", "2027-06-30"));
		scenario.complete(collaboration, BaselineAnalysisProcess.Elements.PROPOSE_EXPERTS,
				Map.of(BaselineAnalysisProcess.Vars.EXPERT_PROPOSAL, FormRows.experts("Clara Brandt; Sozialplanerin\nDr. Jens Ohm; Leiter Jugendamt")));
		scenario.complete(collaboration, BaselineAnalysisProcess.Elements.SELECT_EXPERTS, Map.of(BaselineAnalysisProcess.Vars.EXPERT_SELECTION,
				FormRows.experts("Clara Brandt; Sozialplanerin; clara.brandt@example.org\nDr. Jens Ohm; Leiter Jugendamt; jens.ohm@example.org")));
		scenario.complete(collaboration, BaselineAnalysisProcess.Elements.PREPARE_INTERVIEW_GUIDE,
				Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_GUIDE_LINK, "https://ablage.example/leitfaden.docx"));
		scenario.complete(collaboration, BaselineAnalysisProcess.Elements.SCHEDULE_INTERVIEWS, Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_SCHEDULE,
				FormRows.schedule(FormRows.interview("Clara Brandt", "clara.brandt@example.org", "2027-02-22", "14:30", "Kreishaus Raum 3"),
						FormRows.interview("Dr. Jens Ohm", "jens.ohm@example.org", "2027-02-24", "10:00", "Kreishaus Raum 3"))));
		// Clara Brandt's invitation goes out; Dr. Ohl's is still waiting for its job when the collaboration ends
		String ohmsInvitation = jdbc.sql("select r.id from koop_reminder r join koop_meeting m on m.uid = r.subject_id "
				+ "where m.summary like ? and r.status = 'PENDING'").param("%Jens Ohm%").query(String.class).single();
		for (var job : scenario.management().createJobQuery().processDefinitionKey(ReminderProcess.KEY).executable().list()) {
			Object id = scenario.runtime().getVariable(job.getProcessInstanceId(), ReminderProcess.VAR_REMINDER_ID);
			if (!ohmsInvitation.equals(id)) {
				scenario.management().executeJob(job.getId());
			}
		}
		VEvent invited = event(reminders.mailsTo("clara.brandt@example.org", "Clara Brandt").get(0), "REQUEST");

		reminders.setClock(2027, 2, 10, 9, 0);
		collaborations.terminate(collaboration.getBusinessKey(), CollaborationService.Party.TRANSFERAGENTUR, "Förderung entfällt");
		assertThat(reminders.sendPending()).isEmpty();

		for (String address : List.of("clara.brandt@example.org", agency)) {
			List<MimeMessage> mails = reminders.mailsTo(address, "Clara Brandt");
			List<String> subjects = new java.util.ArrayList<>();
			for (MimeMessage mail : mails) {
				subjects.add(mail.getSubject());
			}
			assertThat(mails).as(address + subjects).hasSize(2);
			VEvent cancelled = event(mails.get(1), "CANCEL");
			assertThat(cancelled.getUid().get().getValue()).isEqualTo(invited.getUid().get().getValue());
			assertThat(cancelled.getSequence().getSequenceNo()).isEqualTo(1);
		}
		// never invited, so nothing to cancel: Dr. Ohl hears nothing at all
		assertThat(reminders.mailsTo("jens.ohm@example.org", "Jens Ohm")).isEmpty();
		assertThat(reminders.mailsTo(agency, "Jens Ohm")).isEmpty();
	}

	@Test
	void aReviewMeetingPlannedAfterTheEndOfFunding_isCancelledWhenTheFundingEnds() throws Exception {
		reminders.setClock(2026, 3, 2, 9, 0);
		ProcessInstance implementation = scenario.startStandalone(ImplementationProcess.KEY, "RP",
				Map.of(ImplementationProcess.Vars.FUNDING_END, Date.from(ZonedDateTime.of(2026, 9, 30, 23, 59, 0, 0, ZONE).toInstant())));
		String contact = reminders.userInGroup(PartyGroups.municipalityContacts(implementation.getBusinessKey()));
		scenario.moveClockTo(ZonedDateTime.of(2026, 9, 2, 9, 0, 0, 0, ZONE).toInstant());
		scenario.executeDueJobs(implementation);
		scenario.complete(implementation, ImplementationProcess.Elements.PLAN_REVIEW_MEETING,
				Map.of(ImplementationProcess.Vars.REVIEW_MEETING_DATE, "2026-10-14", "reviewMeetingTime", "10:00",
						ImplementationProcess.Vars.REVIEW_MEETING_PARTICIPANTS, "Ansprechpartnerin, Transfermanager"));
		assertThat(reminders.sendPending()).isEmpty();
		assertThat(reminders.mailsTo(contact, "Reviewgespräch")).hasSize(1);

		scenario.moveClockTo(ZonedDateTime.of(2026, 10, 1, 0, 5, 0, 0, ZONE).toInstant());
		scenario.executeDueJobs(implementation);
		assertThat(scenario.runtime().createProcessInstanceQuery().processInstanceId(implementation.getId()).count()).isZero();
		assertThat(reminders.sendPending()).isEmpty();

		List<MimeMessage> mails = reminders.mailsTo(contact, "Reviewgespräch");
		assertThat(mails).hasSize(2);
		assertThat(mails.get(1).getSubject()).startsWith("Abgesagt: Reviewgespräch").contains("14.10.2026");
		assertThat(event(mails.get(1), "CANCEL").getSequence().getSequenceNo()).isEqualTo(1);
	}

	static VEvent event(MimeMessage message, String method) throws Exception {
		String ics = ReminderTestSupport.part(message, "text/calendar");
		assertThat(ics).as("calendar attachment").isNotNull().contains("METHOD:" + method);
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
	}

}
