package de.kooperation.reminder;

import static de.kooperation.shared.CollaborationProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import net.fortuna.ical4j.model.property.DtStart;

@ProcessTest
@Import(ReminderTestSupport.class)
class MeetingInvitationTests {

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Test
	void theKommuneIsInvitedToTheExploratoryMeetingAndGetsAnUpdateWhenItIsPostponed() throws Exception {
		reminders.setClock(2026, 11, 23, 9, 0);
		ProcessInstance collaboration = scenario.startCollaborationAt("TH", SCHEDULE_EXPLORATORY_MEETING, Map.of());
		String contact = reminders.userInGroup(PartyGroups.municipalityContacts(collaboration.getBusinessKey()));

		scenario.complete(collaboration, SCHEDULE_EXPLORATORY_MEETING, Map.of("exploratoryMeetingDate", "2026-12-03",
				"exploratoryMeetingTime", "14:30", "exploratoryMeetingLocation", "Rathaus, Raum 101"));
		assertThat(reminders.sendPending()).isEmpty();

		List<MimeMessage> invitations = reminders.mailsTo(contact, "Sondierungsgespräch");
		assertThat(invitations).hasSize(1);
		assertThat(invitations.get(0).getSubject()).startsWith("Einladung: Sondierungsgespräch").contains("03.12.2026 um 14:30 Uhr");
		VEvent first = event(invitations.get(0));
		assertThat(startOf(first)).isEqualTo(ZonedDateTime.of(LocalDateTime.of(2026, 12, 3, 14, 30), ZoneId.of("Europe/Berlin")));
		assertThat(first.getSequence().getSequenceNo()).isZero();
		assertThat(first.getLocation().getValue()).isEqualTo("Rathaus, Raum 101");
		// the meeting task is due on the meeting day
		assertThat(scenario.task(collaboration, EXPLORATORY_MEETING).getDueDate())
			.isEqualTo(java.util.Date.from(LocalDateTime.of(2026, 12, 3, 23, 59).atZone(ZoneId.of("Europe/Berlin")).toInstant()));

		// postponed by a week: the same event, one sequence higher
		scenario.complete(collaboration, EXPLORATORY_MEETING, Map.of("exploratoryMeetingPostponed", true,
				"exploratoryMeetingDate", "2026-12-10", "exploratoryMeetingTime", "14:30", "exploratoryMeetingLocation", "Rathaus, Raum 101"));
		assertThat(reminders.sendPending()).isEmpty();
		invitations = reminders.mailsTo(contact, "Sondierungsgespräch");
		assertThat(invitations).hasSize(2);
		MimeMessage update = invitations.get(1);
		assertThat(update.getSubject()).startsWith("Terminänderung").contains("10.12.2026");
		VEvent moved = event(update);
		assertThat(moved.getUid().get().getValue()).isEqualTo(first.getUid().get().getValue());
		assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
		assertThat(startOf(moved).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 10));
		assertThat(collaboration).isWaitingAt(EXPLORATORY_MEETING);

		// held without topics: refused, nothing sent, nothing moved
		String taskId = scenario.task(collaboration, EXPLORATORY_MEETING).getId();
		assertThatThrownBy(() -> scenario.tasks().complete(taskId, Map.of("exploratoryMeetingPostponed", false,
				"exploratoryMeetingDate", "2026-12-10", "exploratoryMeetingTime", "14:30")))
			.hasMessageContaining("eingegrenzten Themen");
		assertThat(reminders.sendPending()).isEmpty();
		assertThat(reminders.mailsTo(contact, "Sondierungsgespräch")).hasSize(2);
		assertThat(collaboration).isWaitingAt(EXPLORATORY_MEETING);
	}

	@Test
	void theVerwaltungsspitzeFixesTheDiscourseEventAndBothPartiesAreInvited() throws Exception {
		reminders.setClock(2026, 11, 23, 9, 0);
		ProcessInstance collaboration = scenario.startCollaborationAt("RP", CHOOSE_DISCOURSE_FORMATS, Map.of());
		String contact = reminders.userInGroup(PartyGroups.municipalityContacts(collaboration.getBusinessKey()));
		String agency = reminders.userInGroup(PartyGroups.AGENCY_TEAM);

		scenario.complete(collaboration, CHOOSE_DISCOURSE_FORMATS, Map.of("discourseFormats", "Fachtag Bildung",
				"discourseEventDate", "2027-01-14", "discourseEventTime", "14:00", "internalEventsPlanned", false));
		assertThat(reminders.sendPending()).isEmpty();

		for (String address : List.of(contact, agency)) {
			List<MimeMessage> invitations = reminders.mailsTo(address, "Rückspiegelung");
			assertThat(invitations).as(address).hasSize(1);
			assertThat(startOf(event(invitations.get(0))))
				.isEqualTo(ZonedDateTime.of(LocalDateTime.of(2027, 1, 14, 14, 0), ZoneId.of("Europe/Berlin")));
		}
		// the agency's moderation task is due on the day of the event
		assertThat(scenario.task(collaboration, HOLD_DISCOURSE).getDueDate())
			.isEqualTo(java.util.Date.from(LocalDateTime.of(2027, 1, 14, 23, 59).atZone(ZoneId.of("Europe/Berlin")).toInstant()));
	}

	@Test
	void eachExpertAndTheAgencyAreInvitedToTheInterviewOnTheDayTheKommuneAgreed() throws Exception {
		reminders.setClock(2027, 2, 1, 9, 0);
		String agency = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		ProcessInstance analysis = scenario.startStandalone(BaselineAnalysisProcess.KEY, "NI", Map.of());
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.PROPOSE_EXPERTS,
				Map.of(BaselineAnalysisProcess.Vars.EXPERT_PROPOSAL, FormRows.experts("Carla Berg; Sozialplanerin\nDr. Jan Ohl; Leiter Jugendamt")));
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.SELECT_EXPERTS, Map.of(BaselineAnalysisProcess.Vars.EXPERT_SELECTION,
				FormRows.experts("Carla Berg; Sozialplanerin; carla.berg@example.org\nDr. Jan Ohl; Leiter Jugendamt; jan.ohl@example.org")));
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.PREPARE_INTERVIEW_GUIDE,
				Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_GUIDE_LINK, "https://ablage.example/leitfaden.docx"));
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.SCHEDULE_INTERVIEWS, Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_SCHEDULE,
				FormRows.schedule(FormRows.interview("Carla Berg", "carla.berg@example.org", "2027-02-22", "14:30", "Kreishaus Raum 3"),
						FormRows.interviewOpen("Dr. Jan Ohl", "jan.ohl@example.org"))));
		assertThat(reminders.sendPending()).isEmpty();

		List<MimeMessage> toExpert = reminders.mailsTo("carla.berg@example.org", "Carla Berg");
		assertThat(toExpert).hasSize(1);
		assertThat(toExpert.get(0).getSubject()).startsWith("Einladung: Experteninterview mit Carla Berg").contains("22.02.2027 um 14:30 Uhr");
		VEvent interview = event(toExpert.get(0));
		assertThat(startOf(interview)).isEqualTo(ZonedDateTime.of(LocalDateTime.of(2027, 2, 22, 14, 30), ZoneId.of("Europe/Berlin")));
		assertThat(interview.getLocation().getValue()).isEqualTo("Kreishaus Raum 3");
		assertThat(reminders.mailsTo(agency, "Carla Berg")).as("the agency team, who holds the interview").hasSize(1);
		// no day agreed with Dr. Ohl yet: no invitation
		assertThat(reminders.mailsTo("jan.ohl@example.org", "Jan Ohl")).isEmpty();
		assertThat(reminders.mailsTo(agency, "Jan Ohl")).isEmpty();
	}

	@Test
	void aMeetingRecordedAfterTheFactSendsNoInvitation() {
		reminders.setClock(2026, 11, 23, 9, 0);
		ProcessInstance collaboration = scenario.startCollaborationAt("NI", SCHEDULE_EXPLORATORY_MEETING, Map.of());
		String contact = reminders.userInGroup(PartyGroups.municipalityContacts(collaboration.getBusinessKey()));

		scenario.complete(collaboration, SCHEDULE_EXPLORATORY_MEETING, Map.of("exploratoryMeetingDate", "2026-11-20",
				"exploratoryMeetingTime", "10:00"));
		assertThat(reminders.sendPending()).isEmpty();

		assertThat(reminders.mailsTo(contact, "Sondierungsgespräch")).isEmpty();
		assertThat(collaboration).isWaitingAt(EXPLORATORY_MEETING);
	}

	@Test
	void anInvitationIsAMeetingRequestForOutlookAndThunderbird_asksNoReply_andWarnsOfAHoliday() throws Exception {
		reminders.setClock(2027, 2, 1, 9, 0);
		ProcessInstance analysis = scenario.startStandalone(BaselineAnalysisProcess.KEY, "NI", Map.of());
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.PROPOSE_EXPERTS,
				Map.of(BaselineAnalysisProcess.Vars.EXPERT_PROPOSAL, FormRows.experts("Frida Holm; Schulamt")));
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.SELECT_EXPERTS,
				Map.of(BaselineAnalysisProcess.Vars.EXPERT_SELECTION, FormRows.experts("Frida Holm; Schulamt; frida.holm@example.org")));
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.PREPARE_INTERVIEW_GUIDE,
				Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_GUIDE_LINK, "https://ablage.example/leitfaden.docx"));
		// Christi Himmelfahrt: a public holiday everywhere
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.SCHEDULE_INTERVIEWS,
				Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_SCHEDULE,
						FormRows.schedule(FormRows.interview("Frida Holm", "frida.holm@example.org", "2027-05-06", "10:00", "Kreishaus"))));
		assertThat(reminders.sendPending()).isEmpty();

		MimeMessage invitation = reminders.mailsTo("frida.holm@example.org", "Frida Holm").get(0);
		jakarta.mail.internet.MimeMultipart mixed = (jakarta.mail.internet.MimeMultipart) invitation.getContent();
		assertThat(mixed.getContentType()).startsWith("multipart/mixed");
		jakarta.mail.internet.MimeMultipart alternative = (jakarta.mail.internet.MimeMultipart) mixed.getBodyPart(0).getContent();
		assertThat(alternative.getContentType()).startsWith("multipart/alternative");
		assertThat(alternative.getCount()).isEqualTo(3);
		assertThat(alternative.getBodyPart(2).getContentType()).startsWith("text/calendar").contains("method=REQUEST");
		assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("einladung.ics");

		VEvent event = event(invitation);
		List<net.fortuna.ical4j.model.Property> attendees = event.getProperties("ATTENDEE");
		assertThat(attendees).isNotEmpty()
			.allSatisfy(attendee -> assertThat(attendee.getParameter("RSVP").orElseThrow().getValue()).isEqualTo("FALSE"));
		assertThat(ReminderTestSupport.part(invitation, "text/plain"))
			.contains("Bitte beachten: Der 06.05.2027 ist in diesem Bundesland kein Arbeitstag");
	}

	private static VEvent event(MimeMessage message) throws Exception {
		String ics = ReminderTestSupport.part(message, "text/calendar");
		assertThat(ics).as("calendar attachment").isNotNull().contains("METHOD:REQUEST");
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
	}

	private static ZonedDateTime startOf(VEvent event) {
		DtStart<Temporal> start = event.getDateTimeStart();
		assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
		return ZonedDateTime.from(start.getDate()).withZoneSameInstant(ZoneId.of("Europe/Berlin"));
	}

}
