package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.ImplementationProcess;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** Who is invited to a meeting: both parties' people who take part, whoever planned it. */
@ProcessTest
@Import(ReminderTestSupport.class)
class MeetingAttendanceTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Autowired
	IdentityService identityService;

	@AfterEach
	void logout() {
		identityService.clearAuthentication();
	}

	@Test
	void aReviewMeetingInvitesTheKommuneAndTheTransferManager_whoeverPlansIt() throws Exception {
		reminders.setClock(2026, 3, 2, 9, 0);
		String transferManager = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		String transferManagerId = transferManager.substring(0, transferManager.indexOf('@'));
		ProcessInstance implementation = scenario.startStandalone(ImplementationProcess.KEY, "RP",
				Map.of(ImplementationProcess.Vars.FUNDING_END, Date.from(ZonedDateTime.of(2028, 12, 31, 23, 59, 0, 0, ZONE).toInstant()),
						"transferManager", transferManagerId));
		String contact = reminders.userInGroup(PartyGroups.municipalityContacts(implementation.getBusinessKey()));

		scenario.moveClockTo(ZonedDateTime.of(2026, 9, 2, 9, 0, 0, 0, ZONE).toInstant());
		scenario.executeDueJobs(implementation);
		// planned without a logged-in agency user (as when the Kommune plans it): the transfer manager is invited all the same
		String planning = scenario.task(implementation, ImplementationProcess.Elements.PLAN_REVIEW_MEETING).getId();
		scenario.tasks().complete(planning, Map.of(ImplementationProcess.Vars.REVIEW_MEETING_DATE, "2026-09-16", "reviewMeetingTime", "10:00",
						ImplementationProcess.Vars.REVIEW_MEETING_PARTICIPANTS, "Ansprechpartnerin, Transfermanager"));
		assertThat(reminders.sendPending()).isEmpty();

		for (String address : List.of(contact, transferManager)) {
			List<MimeMessage> invitations = reminders.mailsTo(address, "Reviewgespräch");
			assertThat(invitations).as("invitation to %s", address).hasSize(1);
			assertThat(invitations.get(0).getSubject()).startsWith("Einladung: Reviewgespräch").contains("16.09.2026 um 10:00 Uhr");
			assertThat(attendees(invitations.get(0))).contains("mailto:" + transferManager, "mailto:" + contact);
		}
	}

	static VEvent event(MimeMessage message) throws Exception {
		String ics = ReminderTestSupport.part(message, "text/calendar");
		assertThat(ics).as("calendar attachment").isNotNull();
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
	}

	static List<String> attendees(MimeMessage message) throws Exception {
		return event(message).getProperties("ATTENDEE").stream().map(p -> p.getValue()).toList();
	}

}
