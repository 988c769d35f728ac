package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.agreement.AgreementJourney;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Milestone;
import de.kooperation.agreement.MilestoneParts;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.PartyGroups;
import jakarta.mail.internet.MimeMessage;

/**
 * The milestone plan drives reminders: a signed plan reminds each party of its own part, a
 * revision that moves a milestone moves its reminders, one that removes it cancels them, and a
 * closed milestone is not reminded of. Thüringen, deadlines on Monday 9 November 2026.
 */
@ProcessTest
@Import({ ReminderTestSupport.class, AgreementJourney.class })
class MilestoneReminderTests {

	static final LocalDate NINTH_OF_NOVEMBER = LocalDate.of(2026, 11, 9);

	@Autowired
	Scenario scenario;

	@Autowired
	de.kooperation.collaboration.CollaborationService collaborations;

	@Autowired
	ReminderTestSupport reminders;

	@Autowired
	AgreementJourney journey;

	@Autowired
	Agreements agreements;

	@Autowired
	ReminderPreferences preferences;

	@Autowired
	MilestoneParts milestoneParts;

	String agencyMember;

	String municipalityMember;

	String municipalityLeader;

	String kommune;

	Milestone analysis;

	Milestone discourse;

	@BeforeEach
	void aSignedPlanWithTwoMilestones() {
		reminders.setClock(2026, 10, 15, 10, 0);
		analysis = AgreementJourney.milestone("Bedarfsanalyse abschließen " + System.nanoTime(), NINTH_OF_NOVEMBER);
		discourse = new Milestone(Agreements.newKey("m-"), "Diskurs vorbereiten " + System.nanoTime(), "Rückspiegelung", null,
				"Formate vorschlagen", "11/2026", NINTH_OF_NOVEMBER, false);
		kommune = journey.signFirstVersion("TH", List.of(AgreementJourney.goal("hoch", "Bildungsmonitoring aufbauen")),
				List.of(analysis, discourse), LocalDate.of(2026, 10, 14));
		agencyMember = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
		municipalityMember = reminders.userInGroup(PartyGroups.municipalityContacts(kommune));
		municipalityLeader = reminders.userInGroup(PartyGroups.municipalityLeadership(kommune));
	}

	@Test
	void eachPartyIsRemindedOfItsOwnPart_theLeadershipHearsWhenOverdue() {
		sweepAt(2026, 11, 2, 7, 59);
		assertThat(mails(agencyMember, analysis)).isEmpty();

		sweepAt(2026, 11, 2, 8, 0);
		assertThat(mails(agencyMember, analysis)).hasSize(1);
		assertThat(mails(municipalityMember, analysis)).hasSize(1);
		MimeMessage first = mails(municipalityMember, analysis).get(0);
		assertThat(subject(first)).startsWith("Erinnerung: Meilenstein").contains("09.11.2026");
		assertThat(ReminderTestSupport.part(first, "text/plain")).contains("Ihr Teil (Kommune): Kommune: Bedarfsanalyse")
			.contains("/kooperationen/" + kommune);
		// the Kommune has no part in the discourse milestone: only the agency hears of it
		assertThat(mails(agencyMember, discourse)).hasSize(1);
		assertThat(mails(municipalityMember, discourse)).isEmpty();

		sweepAt(2026, 11, 2, 8, 15);
		assertThat(mails(agencyMember, analysis)).hasSize(1);

		sweepAt(2026, 11, 9, 8, 0);
		assertThat(mails(municipalityMember, analysis)).hasSize(2);
		sweepAt(2026, 11, 16, 8, 0);
		assertThat(mails(municipalityLeader, analysis)).singleElement()
			.satisfies(mail -> assertThat(subject(mail)).startsWith("Eskalation: Meilenstein"));
	}

	@Test
	void aPersonWhoSwitchedOffTheRemindersBeforeTheDeadlineGetsNoneForMilestones_butTheOnesSheKept() {
		// the support's users have their address as "<id>@example.org"
		preferences.save(municipalityMember.substring(0, municipalityMember.indexOf('@')), new ReminderPreferences.Preferences(false,
				EnumSet.of(ReminderPreferences.Choice.DUE, ReminderPreferences.Choice.OVERDUE)));

		sweepAt(2026, 11, 2, 8, 0);
		assertThat(mails(municipalityMember, analysis)).as("seven days before: switched off").isEmpty();
		assertThat(mails(agencyMember, analysis)).as("the agency's member kept it").hasSize(1);

		sweepAt(2026, 11, 9, 8, 0);
		assertThat(mails(municipalityMember, analysis)).singleElement()
			.satisfies(mail -> assertThat(subject(mail)).startsWith("Heute fällig: Meilenstein"));
	}

	@Test
	void aDeadlineOnASundayIsDueAndRemindedOfOnTheMondayAfter() {
		reminders.setClock(2027, 1, 11, 10, 0);
		Milestone monthEnd = AgreementJourney.milestone("Konzept vorlegen " + System.nanoTime(), LocalDate.of(2027, 1, 31));
		String sundayKommune = journey.signFirstVersion("TH", List.of(AgreementJourney.goal("hoch", "Bildungsmonitoring aufbauen")),
				List.of(monthEnd), LocalDate.of(2027, 1, 8));
		String member = reminders.userInGroup(PartyGroups.municipalityContacts(sundayKommune));

		sweepAt(2027, 1, 31, 8, 0);
		assertThat(mails(member, monthEnd)).as("nothing goes out on the Sunday itself")
			.noneMatch(mail -> subject(mail).startsWith("Heute fällig"));
		sweepAt(2027, 2, 1, 8, 0);
		assertThat(mails(member, monthEnd)).anySatisfy(mail -> assertThat(subject(mail)).startsWith("Heute fällig: Meilenstein"));
		assertThat(mails(member, monthEnd)).allSatisfy(mail -> assertThat(subject(mail)).doesNotContain("31.01.2027"));
	}

	@Test
	void afterTheKommuneDeclaredTheEndingNobodyIsRemindedOfItsMilestones() {
		collaborations.start(kommune, "2028-12-31", null);
		collaborations.terminate(kommune, de.kooperation.collaboration.CollaborationService.Party.KOMMUNE, "Der Stadtrat hat die Mittel gestrichen.");

		sweepAt(2026, 11, 2, 8, 0);
		sweepAt(2026, 11, 9, 8, 0);
		sweepAt(2026, 11, 16, 8, 0);

		assertThat(mails(municipalityMember, analysis)).isEmpty();
		assertThat(mails(agencyMember, discourse)).isEmpty();
		assertThat(mails(municipalityLeader, analysis)).isEmpty();
	}

	@Test
	void aRevisionMovesAMilestonesRemindersAndCancelsThoseOfARemovedOne() {
		sweepAt(2026, 11, 2, 8, 0);
		assertThat(mails(agencyMember, analysis)).hasSize(1);
		assertThat(mails(agencyMember, discourse)).hasSize(1);

		reminders.setClock(2026, 11, 3, 9, 0);
		ProcessInstance revision = journey.startRevision(kommune);
		Milestone moved = new Milestone(analysis.key(), analysis.title(), analysis.purpose(), analysis.municipalityPart(),
				analysis.agencyPart(), "bis 11/2026", LocalDate.of(2026, 11, 30), false);
		agreements.saveDraftContent(kommune, agreements.openDraft(kommune).goals(), List.of(moved), null, null);
		// a reminder decided on for the old plan but not sent yet is dropped after the revision
		reminders.setClock(2026, 11, 6, 8, 0);
		reminders.sweep();
		reminders.setClock(2026, 11, 6, 9, 0);
		journey.signRevision(revision, LocalDate.of(2026, 11, 6), "Bedarfsanalyse verschoben, Diskurs entfällt");
		assertThat(reminders.sendPending()).isEmpty();
		assertThat(mails(agencyMember, analysis)).hasSize(1);
		assertThat(mails(agencyMember, discourse)).hasSize(1);

		sweepAt(2026, 11, 9, 8, 0);
		sweepAt(2026, 11, 20, 8, 0);
		assertThat(mails(agencyMember, discourse)).hasSize(1);
		assertThat(mails(agencyMember, analysis)).hasSize(1);

		sweepAt(2026, 11, 23, 8, 0);
		assertThat(mails(agencyMember, analysis)).hasSize(2);
		assertThat(subject(mails(agencyMember, analysis).get(1))).contains("30.11.2026");
	}

	@Test
	void aClosedMilestoneGetsNoFurtherReminders() {
		sweepAt(2026, 11, 2, 8, 0);
		assertThat(mails(municipalityMember, analysis)).hasSize(1);

		assertThat(agreements.closeMilestone(kommune, analysis.key(), "sabine.krause")).isTrue();
		assertThat(agreements.closeMilestone(kommune, analysis.key(), "sabine.krause")).isFalse();

		sweepAt(2026, 11, 6, 8, 0);
		sweepAt(2026, 11, 9, 8, 0);
		sweepAt(2026, 11, 20, 8, 0);
		assertThat(mails(municipalityMember, analysis)).hasSize(1);
		assertThat(mails(municipalityLeader, analysis)).isEmpty();
		assertThat(agreements.current(kommune).orElseThrow().milestones().get(0).closed()).isTrue();
		// the signed version itself stays as signed
		assertThat(agreements.version(kommune, 1).orElseThrow().milestones().get(0).closed()).isFalse();
	}

	@Test
	void aPartyThatClosedItsPartHearsNoMoreOfIt_theOtherPartyStillDoes() {
		sweepAt(2026, 11, 2, 8, 0);
		assertThat(mails(municipalityMember, analysis)).hasSize(1);
		assertThat(mails(agencyMember, analysis)).hasSize(1);

		assertThat(milestoneParts.closePart(kommune, analysis.key(), MilestoneParts.Party.KOMMUNE, "sabine.krause"))
			.isEqualTo(MilestoneParts.Outcome.PART_CLOSED);
		sweepAt(2026, 11, 9, 8, 0);
		assertThat(mails(municipalityMember, analysis)).as("the Kommune closed its part").hasSize(1);
		assertThat(mails(agencyMember, analysis)).as("the agency's part is still open").hasSize(2);
		sweepAt(2026, 11, 16, 8, 0);
		assertThat(mails(municipalityLeader, analysis)).as("no escalation for a closed part").isEmpty();
		assertThat(mails(agencyMember, analysis)).as("the agency still hears of its own part").isNotEmpty();
	}

	@Test
	void aMilestoneClosesWhenTheTaskThatFulfilsItIsCompleted_andItsRemindersStop() {
		Milestone report = new Milestone(Agreements.newKey("m-"), "Ergebnisbericht übergeben " + System.nanoTime(), "Abschluss Modul 1",
				"Entgegennahme", "Ergebnisbericht verfassen", "11/2026", NINTH_OF_NOVEMBER, false,
				BaselineAnalysisProcess.Elements.WRITE_RESULT_REPORT);
		String linked = journey.signFirstVersion("TH", List.of(AgreementJourney.goal("hoch", "Bildungsmonitoring aufbauen")),
				List.of(report), LocalDate.of(2026, 10, 14));
		String member = reminders.userInGroup(PartyGroups.municipalityContacts(linked));
		ProcessInstance analysis = journey.startFor(linked, BaselineAnalysisProcess.KEY);
		scenario.advance(analysis, BaselineAnalysisProcess.Elements.WRITE_RESULT_REPORT, Map.of());

		sweepAt(2026, 11, 2, 8, 0);
		assertThat(mails(member, report)).singleElement()
			.satisfies(mail -> assertThat(subject(mail)).startsWith("Erinnerung: Meilenstein"));

		// the reminder of the day before (Friday, the 9th is a Monday) is decided on, not sent yet, when the report is done
		reminders.setClock(2026, 11, 6, 8, 0);
		reminders.sweep();
		reminders.setClock(2026, 11, 6, 9, 0);
		scenario.complete(analysis, BaselineAnalysisProcess.Elements.WRITE_RESULT_REPORT, Map.of("resultReportLink",
				"https://dokumente.example.org/ergebnisbericht.pdf", "resultReportDate", "2026-11-06"));
		assertThat(agreements.current(linked).orElseThrow().milestones().get(0).closed()).isTrue();
		assertThat(agreements.closures(linked)).containsEntry(report.key(), LocalDate.of(2026, 11, 6));

		// it is dropped, and none follow
		assertThat(reminders.sendPending()).isEmpty();
		assertThat(mails(member, report)).hasSize(1);
		sweepAt(2026, 11, 9, 8, 0);
		sweepAt(2026, 11, 10, 8, 0);
		sweepAt(2026, 11, 20, 8, 0);
		assertThat(mails(member, report)).hasSize(1);
	}

	private void sweepAt(int year, int month, int day, int hour, int minute) {
		reminders.setClock(year, month, day, hour, minute);
		reminders.sweep();
		assertThat(reminders.sendPending()).isEmpty();
	}

	private List<MimeMessage> mails(String address, Milestone milestone) {
		return reminders.mailsTo(address, milestone.title());
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
