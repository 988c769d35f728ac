package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import de.kooperation.Scenario;
import de.kooperation.ProcessTest;
import de.kooperation.agreement.AgreementJourney;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.MilestoneParts;
import de.kooperation.agreement.Milestone;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.shared.PartyGroups;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Who takes the weekly digest finds the milestones of the Zielvereinbarung there instead of single
 * reminders: each party the milestones it has a part in, of its own Kommune, due within the digest's
 * 14 days or overdue, until closed. Thüringen; the digest of Monday 2 November 2026.
 */
@ProcessTest
@Import({ ReminderTestSupport.class, AgreementJourney.class })
class MilestoneDigestTests {

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Autowired
	AgreementJourney journey;

	@Autowired
	Agreements agreements;

	@Autowired
	MilestoneParts milestoneParts;

	@Autowired
	MunicipalityRepository municipalities;

	String kommune;

	String kommuneName;

	/** Both parties have a part; due Monday next week. */
	Milestone analysis;

	/** Only the agency has a part; due the same day. */
	Milestone discourse;

	/** Both parties; was due before the digest. */
	Milestone concept;

	/** Both parties; due within the look-ahead, but closed before the digest. */
	Milestone kickOff;

	/** Both parties; due after the look-ahead. */
	Milestone report;

	/** Another Kommune's milestone, due the same day as the analysis. */
	Milestone elsewhere;

	@BeforeEach
	void twoKommunenWithSignedPlans() {
		reminders.setClock(2026, 10, 15, 10, 0);
		analysis = AgreementJourney.milestone("Bedarfsanalyse abschließen " + System.nanoTime(), LocalDate.of(2026, 11, 9));
		discourse = new Milestone(Agreements.newKey("m-"), "Diskurs vorbereiten " + System.nanoTime(), "Rückspiegelung", null,
				"Formate vorschlagen", "11/2026", LocalDate.of(2026, 11, 9), false);
		concept = AgreementJourney.milestone("Konzept vorlegen " + System.nanoTime(), LocalDate.of(2026, 10, 26));
		kickOff = AgreementJourney.milestone("Auftakt durchführen " + System.nanoTime(), LocalDate.of(2026, 11, 5));
		report = AgreementJourney.milestone("Bericht übergeben " + System.nanoTime(), LocalDate.of(2026, 12, 15));
		kommune = journey.signFirstVersion("TH", List.of(AgreementJourney.goal("hoch", "Bildungsmonitoring aufbauen")),
				List.of(analysis, discourse, concept, kickOff, report), LocalDate.of(2026, 10, 14));
		kommuneName = municipalities.findById(kommune).orElseThrow().name();
		elsewhere = AgreementJourney.milestone("Steuerungsgruppe einrichten " + System.nanoTime(), LocalDate.of(2026, 11, 9));
		journey.signFirstVersion("TH", List.of(AgreementJourney.goal("hoch", "Bildungsberatung aufbauen")), List.of(elsewhere),
				LocalDate.of(2026, 10, 14));
		assertThat(agreements.closeMilestone(kommune, kickOff.key(), "sabine.krause")).isTrue();
	}

	@AfterEach
	void resetClock() {
		scenario.resetClock();
	}

	@Test
	void aKommuneContactOnTheDigestFindsHerKommunesMilestonesWithHerPart_andNoSingleReminders() {
		String weekly = digestUser(PartyGroups.municipalityContacts(kommune));
		String single = reminders.userInGroup(PartyGroups.municipalityContacts(kommune));

		// the single reminder of the week before goes to her colleague only
		sweepAt(2026, 11, 2, 8, 0);
		assertThat(reminders.mailsTo(single, analysis.title())).singleElement()
			.satisfies(mail -> assertThat(subject(mail)).startsWith("Erinnerung: Meilenstein"));
		assertThat(reminders.mailsTo(weekly, analysis.title())).as("no single reminder for who takes the digest").isEmpty();
		assertThat(reminders.mailsTo(weekly, concept.title())).isEmpty();

		digestAt(2026, 11, 2, 7, 0);

		assertThat(reminders.mailsTo(single, "Wochenübersicht")).isEmpty();
		MimeMessage digest = digestOf(weekly);
		// she has no task of her own: the milestones alone are worth the digest
		assertThat(subject(digest)).isEqualTo("Wochenübersicht: 1 überfällig, 1 in den nächsten 14 Tagen fällig");
		String text = ReminderTestSupport.part(digest, "text/plain");
		assertThat(text).contains("Meilenstein „" + analysis.title() + "“ (Zielvereinbarung) – " + kommuneName + ", fällig am 09.11.2026")
			.contains("Ihr Teil (Kommune): " + analysis.municipalityPart())
			.doesNotContain(analysis.agencyPart())
			.contains("/kooperationen/" + kommune)
			.doesNotContain(elsewhere.title())
			.doesNotContain(discourse.title())
			.doesNotContain(kickOff.title())
			.doesNotContain(report.title());
		assertThat(text.substring(text.indexOf("Überfällig:"), text.indexOf("In den nächsten")))
			.contains("Meilenstein „" + concept.title() + "“ (Zielvereinbarung) – " + kommuneName + ", überfällig seit dem 26.10.2026");
		assertThat(ReminderTestSupport.part(digest, "text/html")).contains(analysis.title())
			.contains("Ihr Teil (Kommune): " + analysis.municipalityPart())
			.contains("überfällig seit dem 26.10.2026");
	}

	@Test
	void aTransferManagerOnTheDigestFindsTheAgencysPart_sortedByDeadline() {
		String weekly = digestUser(PartyGroups.AGENCY_TEAM);

		sweepAt(2026, 11, 2, 8, 0);
		assertThat(reminders.mailsTo(weekly, discourse.title())).isEmpty();

		digestAt(2026, 11, 2, 7, 0);

		String text = ReminderTestSupport.part(digestOf(weekly), "text/plain");
		assertThat(text).contains("Meilenstein „" + analysis.title() + "“ (Zielvereinbarung) – " + kommuneName + ", fällig am 09.11.2026")
			.contains("Ihr Teil (Transferagentur): " + analysis.agencyPart())
			.doesNotContain(analysis.municipalityPart())
			.contains("Ihr Teil (Transferagentur): " + discourse.agencyPart())
			// the agency has a part in every Kommune's plan
			.contains(elsewhere.title())
			.contains("überfällig seit dem 26.10.2026")
			.doesNotContain(kickOff.title())
			.doesNotContain(report.title());
	}

	@Test
	void aMilestoneClosedSinceLastWeekLeavesTheDigest_anOverdueOneStaysUntilClosed() {
		String weekly = digestUser(PartyGroups.municipalityContacts(kommune));
		digestAt(2026, 11, 2, 7, 0);
		assertThat(ReminderTestSupport.part(digestOf(weekly), "text/plain")).contains(concept.title());

		// a week later the overdue concept is still open, the analysis has been closed
		reminders.setClock(2026, 11, 6, 9, 0);
		assertThat(agreements.closeMilestone(kommune, analysis.key(), "sabine.krause")).isTrue();
		digestAt(2026, 11, 9, 7, 0);

		List<MimeMessage> digests = reminders.mailsTo(weekly, "Wochenübersicht");
		assertThat(digests).hasSize(2);
		assertThat(ReminderTestSupport.part(digests.get(1), "text/plain")).contains(concept.title() + "“ (Zielvereinbarung) – "
				+ kommuneName + ", überfällig seit dem 26.10.2026").doesNotContain(analysis.title());
	}

	@Test
	void aPartTheKommuneClosedLeavesItsDigest_theAgencyStillFindsItsOwnPart() {
		String kommuneWeekly = digestUser(PartyGroups.municipalityContacts(kommune));
		String agencyWeekly = digestUser(PartyGroups.AGENCY_TEAM);
		assertThat(milestoneParts.closePart(kommune, concept.key(), MilestoneParts.Party.KOMMUNE, "sabine.krause"))
			.isEqualTo(MilestoneParts.Outcome.PART_CLOSED);
		digestAt(2026, 11, 2, 7, 0);

		assertThat(ReminderTestSupport.part(digestOf(kommuneWeekly), "text/plain")).contains(analysis.title())
			.doesNotContain(concept.title());
		assertThat(ReminderTestSupport.part(digestOf(agencyWeekly), "text/plain")).contains(concept.title());
	}

	private String digestUser(String group) {
		String address = reminders.userInGroup(group);
		scenario.engine().getIdentityService().setUserInfo(address.substring(0, address.indexOf('@')), Recipients.PREFERENCE_KEY,
				Recipients.WEEKLY);
		return address;
	}

	private MimeMessage digestOf(String address) {
		return reminders.mailsTo(address, "Wochenübersicht").stream().reduce((first, second) -> second).orElseThrow();
	}

	private void sweepAt(int year, int month, int day, int hour, int minute) {
		reminders.setClock(year, month, day, hour, minute);
		reminders.sweep();
		assertThat(reminders.sendPending()).isEmpty();
	}

	private void digestAt(int year, int month, int day, int hour, int minute) {
		reminders.setClock(year, month, day, hour, minute);
		reminders.digest();
		assertThat(reminders.sendPending()).isEmpty();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
