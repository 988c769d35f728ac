package de.kooperation.agreement;

import static de.kooperation.agreement.AgreementForms.*;
import static de.kooperation.shared.AgreementProcess.Elements.*;
import static de.kooperation.shared.AgreementProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.AgreementProcess;

@ProcessTest
class AgreementProcessTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** A Monday morning; every date below is relative to it. */
	static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, BERLIN);

	@Autowired
	Scenario scenario;

	@Autowired
	Agreements agreements;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(NOW.toInstant());

	@Test
	void happyPath_kommuneAcceptsTheFirstDraft_bothSign_versionOneWithoutPublicity() {
		ProcessInstance agreement = start();

		assertThat(agreement).isWaitingAt(DRAFT);
		scenario.complete(agreement, DRAFT, with(draft(agreements, agreement, "Bildungsmonitoring aufbauen"), AGREEMENT_DRAFT_NOTES, "Bitte Anlage 2 prüfen"));
		assertThat(agreement).isWaitingAt(REVIEW);
		assertThat(variable(agreement, AGREEMENT_REVIEW_ROUNDS)).isEqualTo(1);

		scenario.complete(agreement, REVIEW, approve(AGREEMENT_CHANGES_REQUESTED));
		assertThat(agreement).isWaitingAt(SIGN_AGENCY, SIGN_MUNICIPALITY);

		signByAgency(agreement, "2026-02-27");
		assertThat(agreement).isWaitingAt(SIGN_MUNICIPALITY);
		signByMunicipality(agreement, "2026-03-02", false);

		assertThat(agreement).isEnded()
			.hasPassed(START, DRAFT, GATEWAY_REVIEW_LOOP, REVIEW, GATEWAY_CHANGES_REQUESTED, GATEWAY_SIGNING_SPLIT,
					SIGN_AGENCY, SIGN_MUNICIPALITY, GATEWAY_SIGNING_JOIN, RECORD_SIGNING, END)
			.hasNotPassed(REVISE);
		assertThat(historicVariable(agreement, AGREEMENT_VERSION)).isEqualTo(1);
		assertThat(historicVariable(agreement, AGREEMENT_SIGNED_DATE)).isEqualTo(startOfDay("2026-03-02"));
		assertThat(historicVariable(agreement, AGREEMENT_REVIEW_ROUNDS)).isEqualTo(1);
		assertThat(historicVariable(agreement, AGREEMENT_GOALS)).isEqualTo(summary("Bildungsmonitoring aufbauen"));
		assertThat(historicVariable(agreement, AGREEMENT_PREVIOUS_VERSION)).isNull();
	}

	@Test
	void whoeverSignsSeesTheGoalsAndTheMilestonesWithTheirDeadlinesAndTheLinkToThePdfOfThisDraft() {
		ProcessInstance agreement = start();
		scenario.complete(agreement, DRAFT, draft(agreements, agreement, "Bildungsmonitoring aufbauen"));
		String kommune = agreement.getBusinessKey();
		AgreementVersion draft = agreements.draft(kommune).orElseThrow();
		agreements.saveDraftContent(kommune, draft.goals(), java.util.List.of(new Milestone("", "Kooperationswerkstatt", "Ziele präzisieren",
				"Einladung", "Moderation", "3/2027", LocalDate.of(2027, 3, 31), false)), "Rückmeldung geben", "Workshops anbieten");
		scenario.complete(agreement, REVIEW, approve(AGREEMENT_CHANGES_REQUESTED));

		for (String signing : new String[] { SIGN_AGENCY, SIGN_MUNICIPALITY }) {
			Task task = scenario.task(agreement, signing);
			Map<String, Object> shown = scenario.engine().getFormService().getTaskFormVariables(task.getId());
			assertThat((String) shown.get(SigningOverviewListener.CONTENT)).as(signing)
				.contains("**Ziele (Anlage 1)**", "1. Bildungsmonitoring aufbauen", "**Meilensteinplan (Anlage 2)**",
						"- Kooperationswerkstatt – Frist 31.03.2027");
			assertThat(shown.get(SigningOverviewListener.PDF_LINK)).isEqualTo("/kooperationen/" + kommune + "/zielvereinbarung.pdf");
		}
	}

	@Test
	void oneChangeRequestRound_taRevisesTheDraft_kommuneReviewsAgainWithAFreshForm() {
		ProcessInstance agreement = start();
		scenario.complete(agreement, DRAFT, draft(agreements, agreement, "Bildungsmonitoring aufbauen"));

		scenario.complete(agreement, REVIEW, requestChanges(AGREEMENT_CHANGES_REQUESTED, AGREEMENT_CHANGE_REQUESTS,
				"Ziel 2 bitte mit Zeitrahmen 2027"));

		assertThat(agreement).isWaitingAt(REVISE);
		Task revise = scenario.task(agreement, REVISE);
		assertThat(candidateGroups(scenario, revise)).containsExactly(PartyGroups.AGENCY_TEAM);
		assertThat(revise.getDueDate()).isEqualTo(inDays(21));
		assertThat(variable(agreement, AGREEMENT_CHANGE_REQUESTS)).isEqualTo("Ziel 2 bitte mit Zeitrahmen 2027");

		scenario.complete(agreement, REVISE, with(draft(agreements, agreement, "Bildungsmonitoring aufbauen; Ziel 2 bis 2027"),
				AGREEMENT_REWORK_NOTES, "Zeitrahmen für Ziel 2 ergänzt"));

		assertThat(agreement).isWaitingAt(REVIEW);
		assertThat(variable(agreement, AGREEMENT_REVIEW_ROUNDS)).isEqualTo(2);
		// the second round's form opens unticked and empty
		assertThat(variable(agreement, AGREEMENT_CHANGES_REQUESTED)).isEqualTo(false);
		assertThat(variable(agreement, AGREEMENT_CHANGE_REQUESTS)).isNull();

		scenario.complete(agreement, REVIEW, approve(AGREEMENT_CHANGES_REQUESTED));
		assertThat(agreement).isWaitingAt(SIGN_AGENCY, SIGN_MUNICIPALITY);
		// the overview the signers see is made from the reworked list
		assertThat(variable(agreement, AGREEMENT_GOALS)).isEqualTo(summary("Bildungsmonitoring aufbauen; Ziel 2 bis 2027"));
	}

	@Test
	void twoChangeRequestRounds_threeReviewsAreCounted() {
		ProcessInstance agreement = start();
		scenario.complete(agreement, DRAFT, draft(agreements, agreement, "Bildungsmonitoring aufbauen"));

		for (int round = 1; round <= 2; round++) {
			scenario.complete(agreement, REVIEW, requestChanges(AGREEMENT_CHANGES_REQUESTED, AGREEMENT_CHANGE_REQUESTS,
					"Runde " + round + ": bitte Meilensteine präzisieren"));
			scenario.complete(agreement, REVISE, with(draft(agreements, agreement, "Ziele, Fassung " + (round + 1)), AGREEMENT_REWORK_NOTES,
					"Meilensteine präzisiert (Runde " + round + ")"));
		}
		scenario.complete(agreement, REVIEW, approve(AGREEMENT_CHANGES_REQUESTED));
		signByAgency(agreement, "2026-03-01");
		signByMunicipality(agreement, "2026-03-01", false);

		assertThat(agreement).isEnded();
		assertThat(historicVariable(agreement, AGREEMENT_REVIEW_ROUNDS)).isEqualTo(3);
		assertThat(passed(agreement, REVIEW)).isEqualTo(3);
		assertThat(passed(agreement, REVISE)).isEqualTo(2);
		assertThat(historicVariable(agreement, AGREEMENT_GOALS)).isEqualTo(summary("Ziele, Fassung 3"));
		assertThat(historicVariable(agreement, AGREEMENT_VERSION)).isEqualTo(1);
	}

	@Test
	void publicityWanted_theAgreementStillEndsAtTheSigning_theCollaborationRunsThePublicity() {
		ProcessInstance agreement = signedReadyAgreement();
		signByAgency(agreement, "2026-03-02");

		scenario.complete(agreement, SIGN_MUNICIPALITY, Map.of(AGREEMENT_MUNICIPALITY_SIGNED_DATE, "2026-03-02",
				AGREEMENT_MUNICIPALITY_SIGNATORY, "Oberbürgermeisterin Muster", AGREEMENT_PUBLICITY_WANTED, true,
				AGREEMENT_PUBLICITY_WISHES, "Pressetermin bei der Unterzeichnung"));

		// the decision goes back to the collaboration, whose publicity tasks run beside the Sondierung
		assertThat(agreement).isEnded().hasPassed(RECORD_SIGNING, END);
		assertThat(historicVariable(agreement, AGREEMENT_PUBLICITY_WANTED)).isEqualTo(true);
		assertThat(historicVariable(agreement, AGREEMENT_VERSION)).isEqualTo(1);
	}

	@Test
	void publicityNotWanted_theAgreementEndsRightAfterSigning() {
		ProcessInstance agreement = signedReadyAgreement();

		signByMunicipality(agreement, "2026-03-02", false);
		signByAgency(agreement, "2026-03-02");

		assertThat(agreement).isEnded().hasPassed(RECORD_SIGNING, END);
		assertThat(scenario.openTasks(agreement)).isEmpty();
	}

	@Test
	void signingOrder_agencyFirst_theLaterMunicipalityDateCounts() {
		ProcessInstance agreement = signedReadyAgreement();

		signByAgency(agreement, "2026-02-20");
		assertThat(agreement).isWaitingAt(SIGN_MUNICIPALITY).hasNotPassed(RECORD_SIGNING);
		signByMunicipality(agreement, "2026-02-26", false);

		assertThat(historicVariable(agreement, AGREEMENT_SIGNED_DATE)).isEqualTo(startOfDay("2026-02-26"));
	}

	@Test
	void signingOrder_municipalityFirst_theLaterAgencyDateCounts() {
		ProcessInstance agreement = signedReadyAgreement();

		signByMunicipality(agreement, "2026-02-20", false);
		assertThat(agreement).isWaitingAt(SIGN_AGENCY).hasNotPassed(RECORD_SIGNING);
		assertThat(variable(agreement, AGREEMENT_VERSION)).isNull();
		signByAgency(agreement, "2026-02-26");

		assertThat(agreement).isEnded();
		assertThat(historicVariable(agreement, AGREEMENT_SIGNED_DATE)).isEqualTo(startOfDay("2026-02-26"));
		assertThat(historicVariable(agreement, AGREEMENT_VERSION)).isEqualTo(1);
	}

	@Test
	void changesWantedWithoutChangeRequests_isRefusedByTheServer() {
		ProcessInstance agreement = start();
		scenario.complete(agreement, DRAFT, draft(agreements, agreement, "Bildungsmonitoring aufbauen"));
		String review = scenario.task(agreement, REVIEW).getId();

		assertThatThrownBy(() -> scenario.tasks().complete(review, Map.of(AGREEMENT_CHANGES_REQUESTED, true)))
			.hasRootCauseInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Entwurf der Zielvereinbarung prüfen")
			.hasMessageContaining("Änderungswünsche beschreiben");
		assertThatThrownBy(() -> scenario.tasks().complete(review,
				requestChanges(AGREEMENT_CHANGES_REQUESTED, AGREEMENT_CHANGE_REQUESTS, "   ")))
			.hasRootCauseInstanceOf(FormFieldValidationException.class);

		assertThat(agreement).isWaitingAt(REVIEW);
		assertThat(variable(agreement, AGREEMENT_REVIEW_ROUNDS)).isEqualTo(1);
		assertThat(variable(agreement, AGREEMENT_CHANGES_REQUESTED)).isEqualTo(false);
	}

	@Test
	void tasksAreOfferedToThisKommunesGroups_neverToAnotherKommune() {
		ProcessInstance agreement = start();
		ProcessInstance other = start();

		Task draft = scenario.task(agreement, DRAFT);
		assertThat(candidateGroups(scenario, draft)).containsExactly(PartyGroups.AGENCY_TEAM);
		scenario.complete(agreement, DRAFT, draft(agreements, agreement, "Bildungsmonitoring aufbauen"));

		Task review = scenario.task(agreement, REVIEW);
		assertThat(candidateGroups(scenario, review)).containsExactly(contactsOf(agreement));
		assertThat(scenario.tasks().createTaskQuery().taskCandidateGroup(contactsOf(other))
			.processInstanceId(agreement.getId()).count()).isZero();
		assertThat(scenario.tasks().createTaskQuery().taskCandidateGroup(contactsOf(agreement))
			.processInstanceId(agreement.getId()).count()).isEqualTo(1);

		scenario.complete(agreement, REVIEW, approve(AGREEMENT_CHANGES_REQUESTED));
		assertThat(candidateGroups(scenario, scenario.task(agreement, SIGN_AGENCY)))
			.containsExactly(PartyGroups.AGENCY_LEADERSHIP);
		assertThat(candidateGroups(scenario, scenario.task(agreement, SIGN_MUNICIPALITY)))
			.containsExactly(PartyGroups.municipalityLeadership(agreement.getBusinessKey()));
		assertThat(scenario.tasks().createTaskQuery()
			.taskCandidateGroup(PartyGroups.municipalityLeadership(other.getBusinessKey()))
			.processInstanceId(agreement.getId()).count()).isZero();
		// the other Kommune's own agreement is untouched
		assertThat(other).isWaitingAt(DRAFT);
	}

	@Test
	void dueDates_draftAndReviewInThreeWeeks_signingInTwoWeeks() {
		ProcessInstance agreement = start();
		assertThat(scenario.task(agreement, DRAFT).getDueDate()).isEqualTo(inDays(21));

		scenario.moveClockTo(NOW.plusDays(5).toInstant());
		scenario.complete(agreement, DRAFT, draft(agreements, agreement, "Bildungsmonitoring aufbauen"));
		assertThat(scenario.task(agreement, REVIEW).getDueDate()).isEqualTo(inDays(5 + 21));

		scenario.complete(agreement, REVIEW, approve(AGREEMENT_CHANGES_REQUESTED));
		assertThat(scenario.task(agreement, SIGN_AGENCY).getDueDate()).isEqualTo(inDays(5 + 14));
		assertThat(scenario.task(agreement, SIGN_MUNICIPALITY).getDueDate()).isEqualTo(inDays(5 + 14));
	}

	@Test
	void anAgreedReviewDeadlineWinsOverTheDefault() {
		ProcessInstance agreement = start(Map.of("agreementReviewDue", "2026-04-30"));
		scenario.complete(agreement, DRAFT, draft(agreements, agreement, "Bildungsmonitoring aufbauen"));

		assertThat(scenario.task(agreement, REVIEW).getDueDate())
			.isEqualTo(Date.from(ZonedDateTime.of(2026, 4, 30, 23, 59, 0, 0, BERLIN).toInstant()));
	}

	@Test
	void aDraftWithoutLinkOrWithATimeFrameEndingBeforeItBegins_isRefused() {
		ProcessInstance agreement = start();
		String draft = scenario.task(agreement, DRAFT).getId();

		assertThatThrownBy(() -> scenario.tasks().complete(draft, with(draft(agreements, agreement, "Ziele"), AGREEMENT_DOCUMENT_LINK, "kein Link")))
			.hasRootCauseInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Link zum Dokument der Zielvereinbarung");
		assertThatThrownBy(() -> scenario.tasks().complete(draft, with(draft(agreements, agreement, "Bildungsmonitoring aufbauen"),
				AGREEMENT_PERIOD_END, "2026-03-31")))
			.hasRootCauseInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Zeitrahmens");

		assertThat(agreement).isWaitingAt(DRAFT);
	}

	@Test
	void aSigningDateInTheFuture_isRefused() {
		ProcessInstance agreement = signedReadyAgreement();

		assertThatThrownBy(() -> signByAgency(agreement, "2026-03-03"))
			.hasRootCauseInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Zukunft");
		assertThatThrownBy(() -> scenario.complete(agreement, SIGN_MUNICIPALITY, Map.of(AGREEMENT_MUNICIPALITY_SIGNATORY, "Landrat")))
			.hasRootCauseInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Unterzeichnet am");

		assertThat(agreement).isWaitingAt(SIGN_AGENCY, SIGN_MUNICIPALITY);
	}

	// ------------------------------------------------------------------ steps

	private ProcessInstance start() {
		return start(Map.of());
	}

	private ProcessInstance start(Map<String, Object> extraVariables) {
		return scenario.startStandalone(AgreementProcess.KEY, "TH", extraVariables);
	}

	/** Drafted and accepted in the first round: both signing tasks are open. */
	private ProcessInstance signedReadyAgreement() {
		ProcessInstance agreement = start();
		scenario.complete(agreement, DRAFT, draft(agreements, agreement, "Bildungsmonitoring aufbauen"));
		scenario.complete(agreement, REVIEW, approve(AGREEMENT_CHANGES_REQUESTED));
		return agreement;
	}

	private void signByAgency(ProcessInstance agreement, String date) {
		scenario.complete(agreement, SIGN_AGENCY,
				sign(AGREEMENT_AGENCY_SIGNED_DATE, date, AGREEMENT_AGENCY_SIGNATORY, "Dr. Marco Schmidt"));
	}

	private void signByMunicipality(ProcessInstance agreement, String date, boolean publicityWanted) {
		scenario.complete(agreement, SIGN_MUNICIPALITY, Map.of(AGREEMENT_MUNICIPALITY_SIGNED_DATE, date,
				AGREEMENT_MUNICIPALITY_SIGNATORY, "Der Landrat", AGREEMENT_PUBLICITY_WANTED, publicityWanted));
	}

	private Object variable(ProcessInstance agreement, String name) {
		return scenario.runtime().getVariable(agreement.getId(), name);
	}

	private Object historicVariable(ProcessInstance agreement, String name) {
		var found = scenario.engine().getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceId(agreement.getId()).variableName(name).singleResult();
		return found == null ? null : found.getValue();
	}

	private long passed(ProcessInstance agreement, String activityId) {
		return scenario.engine().getHistoryService().createHistoricActivityInstanceQuery()
			.processInstanceId(agreement.getId()).activityId(activityId).finished().count();
	}

	private static String contactsOf(ProcessInstance instance) {
		return PartyGroups.municipalityContacts(instance.getBusinessKey());
	}

	/** Due at the end of the working day (Thüringen) on or after the given number of days. */
	private static Date inDays(int days) {
		return Date.from(new de.kooperation.reminder.WorkingDays().onOrAfter(NOW.plusDays(days).toLocalDate(), "TH")
			.atTime(23, 59).atZone(BERLIN).toInstant());
	}

	private static Date startOfDay(String day) {
		return Date.from(LocalDate.parse(day).atStartOfDay(BERLIN).toInstant());
	}

}
