package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.PartyGroups;
import de.kooperation.plan.Activity;
import de.kooperation.plan.PlanImport;
import de.kooperation.plan.PlanStatus;
import de.kooperation.plan.Plans;
import jakarta.mail.internet.MimeMessage;

/**
 * The Kommune's own deadlines, if it wants: once its contacts switch the reminders on, the end of
 * every activity still geplant or läuft is reminded of like a milestone (7 and 1 days before, on
 * the day, the first working day after, on working days of Thüringen), to the Kommune's contacts
 * only, never escalated; off by default, and done, open-ended or switched-off activities get none.
 */
@ProcessTest
@Import(ReminderTestSupport.class)
class PlanReminderTests {

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Autowired
	Plans plans;

	String kommune;

	String contact;

	String leader;

	@BeforeEach
	void aPlanInThueringen() throws Exception {
		reminders.setClock(2026, 10, 15, 10, 0);
		kommune = scenario.newMunicipality("TH").id();
		// the kick-off ends on Saturday 31 October (Reformationstag in Thüringen), the concept on Monday 30 November
		String csv = "Maßnahme;2026\n1. Netzwerke;\nKick-off;Oktober\nKonzept vorlegen;November\nMonitoring;ab Oktober 2026 laufend\n"
				+ "Bericht;November\n";
		plans.importPlan(kommune, PlanImport.read(csv.getBytes(StandardCharsets.UTF_8), "plan.csv"), "anja.wendler", "plan.csv");
		plans.changeStatus(kommune, activity("Bericht").id(), PlanStatus.DONE, "anja.wendler");
		contact = reminders.userInGroup(PartyGroups.municipalityContacts(kommune));
		leader = reminders.userInGroup(PartyGroups.municipalityLeadership(kommune));
	}

	@AfterEach
	void resetClock() {
		scenario.resetClock();
	}

	@Test
	void offByDefault_onTheContactsAreRemindedOfTheEndsLikeMilestones_onWorkingDays_neverEscalated() {
		sweepAt(2026, 10, 26, 8, 0);
		assertThat(mails("Kick-off")).as("off by default").isEmpty();

		reminders.setClock(2026, 10, 26, 9, 0);
		assertThat(plans.switchReminders(kommune, true, "anja.wendler")).isTrue();
		assertThat(plans.switchReminders(kommune, true, "anja.wendler")).as("already on").isFalse();
		sweepAt(2026, 10, 26, 9, 15);
		assertThat(mails("Kick-off")).as("the week before was before they were switched on").isEmpty();

		// the day before the end, which is the Monday after the weekend and the holiday
		sweepAt(2026, 10, 30, 8, 0);
		assertThat(mails("Kick-off")).singleElement().satisfies(mail -> {
			assertThat(subject(mail)).isEqualTo("Erinnerung: Maßnahme „Kick-off“ (Teststadt " + kommune + ") endet am 02.11.2026");
			assertThat(ReminderTestSupport.part(mail, "text/plain")).contains("in 3 Tagen").contains("Zeitraum:       2026: Oktober")
				.contains("Status:         geplant").contains("/kooperationen/" + kommune + "/zeitplan");
		});
		sweepAt(2026, 10, 31, 8, 0);
		assertThat(mails("Kick-off")).as("nothing on the Saturday").hasSize(1);
		sweepAt(2026, 11, 2, 8, 0);
		assertThat(subject(mails("Kick-off").get(1))).startsWith("Heute: Ende der Maßnahme „Kick-off“");
		sweepAt(2026, 11, 3, 8, 0);
		assertThat(subject(mails("Kick-off").get(2))).startsWith("Überfällig: Maßnahme „Kick-off“").endsWith("Ende war der 02.11.2026");

		sweepAt(2026, 11, 23, 8, 0);
		assertThat(mails("Konzept vorlegen")).singleElement()
			.satisfies(mail -> assertThat(subject(mail)).contains("endet am 30.11.2026"));
		sweepAt(2026, 12, 9, 8, 0);
		assertThat(mails("Kick-off")).hasSize(3);
		assertThat(reminders.mailsTo(leader, "Kick-off")).as("no escalation to the leadership").isEmpty();
		assertThat(mails("Monitoring")).as("open-ended").isEmpty();
		assertThat(mails("Bericht")).as("done").isEmpty();
	}

	@Test
	void switchedOffOrDone_aReminderDecidedOnIsDropped_andNoneFollow() {
		reminders.setClock(2026, 11, 20, 9, 0);
		plans.switchReminders(kommune, true, "anja.wendler");
		sweepAt(2026, 11, 23, 8, 0);
		assertThat(mails("Konzept vorlegen")).hasSize(1);

		// decided on in the morning, switched off before it is sent
		reminders.setClock(2026, 11, 27, 8, 0);
		reminders.sweep();
		reminders.setClock(2026, 11, 27, 8, 30);
		assertThat(plans.switchReminders(kommune, false, "anja.wendler")).isTrue();
		assertThat(reminders.sendPending()).isEmpty();
		sweepAt(2026, 11, 30, 8, 0);
		assertThat(mails("Konzept vorlegen")).hasSize(1);

		// on again; done before the overdue reminder leaves
		reminders.setClock(2026, 11, 30, 9, 0);
		plans.switchReminders(kommune, true, "anja.wendler");
		reminders.setClock(2026, 12, 1, 8, 0);
		reminders.sweep();
		reminders.setClock(2026, 12, 1, 8, 30);
		plans.changeStatus(kommune, activity("Konzept vorlegen").id(), PlanStatus.DONE, "anja.wendler");
		assertThat(reminders.sendPending()).isEmpty();
		sweepAt(2026, 12, 9, 8, 0);
		assertThat(mails("Konzept vorlegen")).hasSize(1);
		assertThat(plans.changes(kommune)).extracting(change -> change.summary()).contains(
				"Erinnerungen an das Ende der Maßnahmen eingeschaltet", "Erinnerungen an das Ende der Maßnahmen ausgeschaltet");
	}

	@Test
	void whoTakesTheWeeklyDigestFindsTheEndsThere_insteadOfSingleMails() {
		String weekly = reminders.userInGroup(PartyGroups.municipalityContacts(kommune));
		scenario.engine().getIdentityService().setUserInfo(weekly.substring(0, weekly.indexOf('@')), Recipients.PREFERENCE_KEY,
				Recipients.WEEKLY);
		reminders.setClock(2026, 11, 20, 9, 0);
		plans.switchReminders(kommune, true, "anja.wendler");

		sweepAt(2026, 11, 23, 8, 0);
		assertThat(reminders.mailsTo(weekly, "„Konzept vorlegen“")).as("no single mail").isEmpty();
		// Monday 23 November: the concept ends within the digest's look-ahead; the kick-off ended before the reminders were on
		reminders.setClock(2026, 11, 23, 7, 0);
		reminders.digest();
		assertThat(reminders.sendPending()).isEmpty();

		assertThat(reminders.mailsTo(weekly, "Wochenübersicht")).singleElement().satisfies(mail -> assertThat(
				ReminderTestSupport.part(mail, "text/plain")).contains("Ende der Maßnahme „Konzept vorlegen“ (Zeitplan) – Teststadt " + kommune
						+ ", fällig am 30.11.2026").contains("/kooperationen/" + kommune + "/zeitplan").doesNotContain("Kick-off"));
	}

	private void sweepAt(int year, int month, int day, int hour, int minute) {
		reminders.setClock(year, month, day, hour, minute);
		reminders.sweep();
		assertThat(reminders.sendPending()).isEmpty();
	}

	private List<MimeMessage> mails(String activityTitle) {
		return reminders.mailsTo(contact, "„" + activityTitle + "“");
	}

	private Activity activity(String titleStart) {
		return plans.of(kommune).activities().stream().filter(activity -> activity.title().startsWith(titleStart)).findFirst()
			.orElseThrow();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
