package de.kooperation.agreement;

import static de.kooperation.agreement.AgreementForms.*;
import static de.kooperation.shared.RevisionProcess.Elements.*;
import static de.kooperation.shared.RevisionProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
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
import de.kooperation.shared.RevisionProcess;

@ProcessTest
class RevisionProcessTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** A Thursday in October; every date below is relative to it. */
	static final ZonedDateTime NOW = ZonedDateTime.of(2026, 10, 15, 10, 0, 0, 0, BERLIN);

	static final Date FIRST_SIGNED = startOfDay("2025-11-27");

	/**
	 * A stand-in for the callers (main process, implementation): agreement, then two revisions,
	 * each a call activity passing all variables in and out, as collaboration.bpmn does.
	 */
	static final String LIFECYCLE_KEY = "agreementLifecycleTest";

	static final String LIFECYCLE_BPMN = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_lifecycle" targetNamespace="http://kooperation.de/test">
			  <bpmn:process id="agreementLifecycleTest" isExecutable="true" camunda:historyTimeToLive="1">
			    <bpmn:startEvent id="start" />
			    <bpmn:sequenceFlow id="flow_1" sourceRef="start" targetRef="call_agreement" />
			    <bpmn:callActivity id="call_agreement" calledElement="agreement">%1$s</bpmn:callActivity>
			    <bpmn:sequenceFlow id="flow_2" sourceRef="call_agreement" targetRef="call_first_revision" />
			    <bpmn:callActivity id="call_first_revision" calledElement="revision">%1$s</bpmn:callActivity>
			    <bpmn:sequenceFlow id="flow_3" sourceRef="call_first_revision" targetRef="call_second_revision" />
			    <bpmn:callActivity id="call_second_revision" calledElement="revision">%1$s</bpmn:callActivity>
			    <bpmn:sequenceFlow id="flow_4" sourceRef="call_second_revision" targetRef="end" />
			    <bpmn:endEvent id="end" />
			  </bpmn:process>
			</bpmn:definitions>
			""".formatted("""
			<bpmn:extensionElements>
			        <camunda:in businessKey="#{execution.processBusinessKey}" />
			        <camunda:in variables="all" />
			        <camunda:out variables="all" />
			      </bpmn:extensionElements>""");

	@Autowired
	Scenario scenario;

	@Autowired
	Agreements agreements;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(NOW.toInstant());

	@Test
	void aRevisionWithoutSignedAgreementIsRefused() {
		assertThatThrownBy(() -> scenario.startStandalone(RevisionProcess.KEY, "NI", Map.of()))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("unterzeichnete Zielvereinbarung");
	}

	@Test
	void happyPath_bothCoordinate_taDrafts_kommuneAccepts_bothSign_versionTwo() {
		ProcessInstance revision = startAfterVersion(1);

		assertThat(revision).isWaitingAt(COORDINATE_MUNICIPALITY, COORDINATE_AGENCY);
		coordinate(revision);
		assertThat(revision).isWaitingAt(DRAFT);
		Task draft = scenario.task(revision, DRAFT);
		assertThat(candidateGroups(scenario, draft)).containsExactly(PartyGroups.AGENCY_TEAM);
		// the draft form opens with the version in force
		assertThat(variable(revision, AgreementProcess.Vars.AGREEMENT_GOALS)).isEqualTo("Bildungsmonitoring aufbauen");

		scenario.complete(revision, DRAFT, revisedDraft(revision, "Bildungsmonitoring aufbauen; Bildungsberatung ab 2027"));
		assertThat(revision).isWaitingAt(REVIEW);
		assertThat(variable(revision, REVISION_REVIEW_ROUNDS)).isEqualTo(1);
		scenario.complete(revision, REVIEW, approve(REVISION_CHANGES_REQUESTED));

		assertThat(revision).isWaitingAt(SIGN_AGENCY, SIGN_MUNICIPALITY);
		// the old version stays in force until both have signed
		assertThat(variable(revision, AGREEMENT_VERSION)).isEqualTo(1);
		signByAgency(revision, "2026-10-14");
		signByMunicipality(revision, "2026-10-15");

		assertThat(revision).isEnded()
			.hasPassed(START, GATEWAY_COORDINATION_SPLIT, COORDINATE_MUNICIPALITY, COORDINATE_AGENCY,
					GATEWAY_COORDINATION_JOIN, DRAFT, GATEWAY_REVIEW_LOOP, REVIEW, GATEWAY_CHANGES_REQUESTED,
					GATEWAY_SIGNING_SPLIT, SIGN_AGENCY, SIGN_MUNICIPALITY, GATEWAY_SIGNING_JOIN, RECORD_SIGNING, END)
			.hasNotPassed(REVISE);
		assertThat(historicVariable(revision, AGREEMENT_VERSION)).isEqualTo(2);
		assertThat(historicVariable(revision, AGREEMENT_PREVIOUS_VERSION)).isEqualTo(1);
		assertThat(historicVariable(revision, AGREEMENT_PREVIOUS_SIGNED_DATE)).isEqualTo(FIRST_SIGNED);
		assertThat(historicVariable(revision, AGREEMENT_SIGNED_DATE)).isEqualTo(startOfDay("2026-10-15"));
		assertThat(historicVariable(revision, AgreementProcess.Vars.AGREEMENT_GOALS))
			.isEqualTo(summary("Bildungsmonitoring aufbauen; Bildungsberatung ab 2027"));
	}

	@Test
	void oneChangeRequestRound_taRevises_kommuneReviewsAgain() {
		ProcessInstance revision = drafted(startAfterVersion(1));

		scenario.complete(revision, REVIEW, requestChanges(REVISION_CHANGES_REQUESTED, REVISION_CHANGE_REQUESTS,
				"Meilenstein Bildungsberatung fehlt"));
		assertThat(revision).isWaitingAt(REVISE);
		assertThat(candidateGroups(scenario, scenario.task(revision, REVISE))).containsExactly(PartyGroups.AGENCY_TEAM);

		scenario.complete(revision, REVISE, with(revisedDraft(revision, "Ziele mit Bildungsberatung"), REVISION_REWORK_NOTES,
				"Meilenstein Bildungsberatung ergänzt"));
		assertThat(revision).isWaitingAt(REVIEW);
		assertThat(variable(revision, REVISION_REVIEW_ROUNDS)).isEqualTo(2);
		assertThat(variable(revision, REVISION_CHANGES_REQUESTED)).isEqualTo(false);
		assertThat(variable(revision, REVISION_CHANGE_REQUESTS)).isNull();

		scenario.complete(revision, REVIEW, approve(REVISION_CHANGES_REQUESTED));
		assertThat(revision).isWaitingAt(SIGN_AGENCY, SIGN_MUNICIPALITY).hasPassed(REVISE);
	}

	@Test
	void twoChangeRequestRounds_thenSigned_versionTwo() {
		ProcessInstance revision = drafted(startAfterVersion(1));

		for (int round = 1; round <= 2; round++) {
			scenario.complete(revision, REVIEW, requestChanges(REVISION_CHANGES_REQUESTED, REVISION_CHANGE_REQUESTS,
					"Runde " + round + ": Zeitraum anpassen"));
			scenario.complete(revision, REVISE, with(revisedDraft(revision, "Ziele, Runde " + round), REVISION_REWORK_NOTES,
					"Zeitraum angepasst (Runde " + round + ")"));
		}
		scenario.complete(revision, REVIEW, approve(REVISION_CHANGES_REQUESTED));
		signByMunicipality(revision, "2026-10-15");
		signByAgency(revision, "2026-10-15");

		assertThat(revision).isEnded();
		assertThat(historicVariable(revision, REVISION_REVIEW_ROUNDS)).isEqualTo(3);
		assertThat(scenario.engine().getHistoryService().createHistoricActivityInstanceQuery()
			.processInstanceId(revision.getId()).activityId(REVISE).count()).isEqualTo(2);
		assertThat(historicVariable(revision, AGREEMENT_VERSION)).isEqualTo(2);
	}

	@Test
	void signingOrder_municipalityFirst_theLaterAgencyDateCounts() {
		ProcessInstance revision = accepted(drafted(startAfterVersion(4)));

		signByMunicipality(revision, "2026-10-01");
		assertThat(revision).isWaitingAt(SIGN_AGENCY).hasNotPassed(RECORD_SIGNING);
		signByAgency(revision, "2026-10-09");

		assertThat(historicVariable(revision, AGREEMENT_SIGNED_DATE)).isEqualTo(startOfDay("2026-10-09"));
		assertThat(historicVariable(revision, AGREEMENT_VERSION)).isEqualTo(5);
		assertThat(historicVariable(revision, AGREEMENT_PREVIOUS_VERSION)).isEqualTo(4);
	}

	@Test
	void signingOrder_agencyFirst_theLaterMunicipalityDateCounts() {
		ProcessInstance revision = accepted(drafted(startAfterVersion(1)));

		signByAgency(revision, "2026-10-01");
		assertThat(revision).isWaitingAt(SIGN_MUNICIPALITY).hasNotPassed(RECORD_SIGNING);
		signByMunicipality(revision, "2026-10-12");

		assertThat(historicVariable(revision, AGREEMENT_SIGNED_DATE)).isEqualTo(startOfDay("2026-10-12"));
	}

	@Test
	void changesWantedWithoutChangeRequests_isRefusedByTheServer() {
		ProcessInstance revision = drafted(startAfterVersion(1));
		String review = scenario.task(revision, REVIEW).getId();

		assertThatThrownBy(() -> scenario.tasks().complete(review, Map.of(REVISION_CHANGES_REQUESTED, true)))
			.hasRootCauseInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Fortschreibung prüfen")
			.hasMessageContaining("Änderungswünsche beschreiben");

		assertThat(revision).isWaitingAt(REVIEW);
	}

	@Test
	void tasksAreOfferedToThisKommunesGroups_neverToAnotherKommune() {
		ProcessInstance revision = startAfterVersion(1);
		ProcessInstance other = startAfterVersion(1);
		String contacts = PartyGroups.municipalityContacts(revision.getBusinessKey());

		assertThat(candidateGroups(scenario, scenario.task(revision, COORDINATE_MUNICIPALITY))).containsExactly(contacts);
		assertThat(candidateGroups(scenario, scenario.task(revision, COORDINATE_AGENCY))).containsExactly(PartyGroups.AGENCY_TEAM);
		assertThat(scenario.tasks().createTaskQuery().processInstanceId(revision.getId())
			.taskCandidateGroup(PartyGroups.municipalityContacts(other.getBusinessKey())).count()).isZero();

		accepted(drafted(revision));
		assertThat(candidateGroups(scenario, scenario.task(revision, SIGN_AGENCY))).containsExactly(PartyGroups.AGENCY_LEADERSHIP);
		assertThat(candidateGroups(scenario, scenario.task(revision, SIGN_MUNICIPALITY)))
			.containsExactly(PartyGroups.municipalityLeadership(revision.getBusinessKey()));
		assertThat(scenario.tasks().createTaskQuery().processInstanceId(revision.getId())
			.taskCandidateGroup(PartyGroups.municipalityLeadership(other.getBusinessKey())).count()).isZero();
	}

	@Test
	void dueDates_coordinationAndDraftInThirtyDays_reviewInThreeWeeks_signingInTwoWeeks() {
		ProcessInstance revision = startAfterVersion(1);
		assertThat(scenario.task(revision, COORDINATE_MUNICIPALITY).getDueDate()).isEqualTo(inDays(30));
		assertThat(scenario.task(revision, COORDINATE_AGENCY).getDueDate()).isEqualTo(inDays(30));

		coordinate(revision);
		assertThat(scenario.task(revision, DRAFT).getDueDate()).isEqualTo(inDays(30));
		scenario.complete(revision, DRAFT, revisedDraft(revision, "Bildungsberatung aufbauen"));
		assertThat(scenario.task(revision, REVIEW).getDueDate()).isEqualTo(inDays(21));
		scenario.complete(revision, REVIEW, requestChanges(REVISION_CHANGES_REQUESTED, REVISION_CHANGE_REQUESTS, "Bitte kürzen"));
		assertThat(scenario.task(revision, REVISE).getDueDate()).isEqualTo(inDays(21));
		scenario.complete(revision, REVISE, with(revisedDraft(revision, "Bildungsberatung aufbauen, gekürzt"), REVISION_REWORK_NOTES, "Gekürzt auf zwei Seiten"));
		scenario.complete(revision, REVIEW, approve(REVISION_CHANGES_REQUESTED));
		assertThat(scenario.task(revision, SIGN_AGENCY).getDueDate()).isEqualTo(inDays(14));
		assertThat(scenario.task(revision, SIGN_MUNICIPALITY).getDueDate()).isEqualTo(inDays(14));
	}

	@Test
	void anAgreedRevisionDeadlineWinsForCoordinationAndDraft() {
		Map<String, Object> variables = new HashMap<>(versionInForce(1));
		variables.put("revisionDue", "2026-12-18");
		ProcessInstance revision = scenario.startStandalone(RevisionProcess.KEY, "RP", variables);
		Date agreed = Date.from(ZonedDateTime.of(2026, 12, 18, 23, 59, 0, 0, BERLIN).toInstant());

		assertThat(scenario.task(revision, COORDINATE_MUNICIPALITY).getDueDate()).isEqualTo(agreed);
		coordinate(revision);
		assertThat(scenario.task(revision, DRAFT).getDueDate()).isEqualTo(agreed);
	}

	@Test
	void versionNumbers_agreementThenTwoRevisions_oneTwoThree_staleValuesDoNotLeakIntoTheNextRevision() {
		scenario.moveClockTo(ZonedDateTime.of(2025, 11, 27, 9, 0, 0, 0, BERLIN).toInstant());
		scenario.engine().getRepositoryService().createDeployment().name(LIFECYCLE_KEY)
			.addString(LIFECYCLE_KEY + ".bpmn", LIFECYCLE_BPMN).enableDuplicateFiltering(true).deploy();
		ProcessInstance lifecycle = scenario.startStandalone(LIFECYCLE_KEY, "RP", Map.of());

		// version 1: the agreement, with one change-request round (publicity wanted: the collaboration runs it, not the agreement)
		scenario.complete(lifecycle, AgreementProcess.Elements.DRAFT, draft(agreements, lifecycle, "Bildungsmonitoring aufbauen"));
		scenario.complete(lifecycle, AgreementProcess.Elements.REVIEW, requestChanges(
				AgreementProcess.Vars.AGREEMENT_CHANGES_REQUESTED, AgreementProcess.Vars.AGREEMENT_CHANGE_REQUESTS, "Ziel 2 fehlt"));
		scenario.complete(lifecycle, AgreementProcess.Elements.REVISE, with(draft(agreements, lifecycle, "Bildungsmonitoring aufbauen; Ziel 2"),
				AgreementProcess.Vars.AGREEMENT_REWORK_NOTES, "Ziel 2 ergänzt"));
		scenario.complete(lifecycle, AgreementProcess.Elements.REVIEW,
				approve(AgreementProcess.Vars.AGREEMENT_CHANGES_REQUESTED));
		scenario.complete(lifecycle, AgreementProcess.Elements.SIGN_AGENCY, sign(AgreementProcess.Vars.AGREEMENT_AGENCY_SIGNED_DATE,
				"2025-11-27", AgreementProcess.Vars.AGREEMENT_AGENCY_SIGNATORY, "Dr. Katja Wolf"));
		scenario.complete(lifecycle, AgreementProcess.Elements.SIGN_MUNICIPALITY, Map.of(
				AgreementProcess.Vars.AGREEMENT_MUNICIPALITY_SIGNED_DATE, "2025-11-27",
				AgreementProcess.Vars.AGREEMENT_MUNICIPALITY_SIGNATORY, "Oberbürgermeister Michael Kissel",
				AgreementProcess.Vars.AGREEMENT_PUBLICITY_WANTED, true));
		assertThat(lifecycle).isWaitingAt("call_first_revision");
		assertThat(variable(lifecycle, AGREEMENT_VERSION)).isEqualTo(1);
		assertThat(variable(lifecycle, AGREEMENT_SIGNED_DATE)).isEqualTo(FIRST_SIGNED);

		// version 2: first revision, with one change-request round
		scenario.moveClockTo(NOW.toInstant());
		coordinate(lifecycle);
		scenario.complete(lifecycle, DRAFT, revisedDraft(lifecycle, "Ziele der Fassung 2"));
		scenario.complete(lifecycle, REVIEW, requestChanges(REVISION_CHANGES_REQUESTED, REVISION_CHANGE_REQUESTS, "Ziel 3 fehlt"));
		scenario.complete(lifecycle, REVISE, with(revisedDraft(lifecycle, "Ziele der Fassung 2 mit Ziel 3"), REVISION_REWORK_NOTES,
				"Ziel 3 ergänzt"));
		scenario.complete(lifecycle, REVIEW, approve(REVISION_CHANGES_REQUESTED));
		signByAgency(lifecycle, "2026-10-15");
		signByMunicipality(lifecycle, "2026-10-15");
		assertThat(lifecycle).isWaitingAt("call_second_revision");
		assertThat(variable(lifecycle, AGREEMENT_VERSION)).isEqualTo(2);
		assertThat(variable(lifecycle, AGREEMENT_PREVIOUS_VERSION)).isEqualTo(1);
		assertThat(variable(lifecycle, REVISION_REVIEW_ROUNDS)).isEqualTo(2);

		// version 3: the second revision starts clean
		scenario.moveClockTo(ZonedDateTime.of(2027, 5, 10, 9, 0, 0, 0, BERLIN).toInstant());
		ProcessInstance second = scenario.runtime().createProcessInstanceQuery().processDefinitionKey(RevisionProcess.KEY)
			.processInstanceBusinessKey(lifecycle.getBusinessKey()).singleResult();
		assertThat(variable(second, REVISION_MUNICIPALITY_GOALS)).isNull();
		assertThat(variable(second, REVISION_AGENCY_SIGNED_DATE)).isNull();
		assertThat(variable(second, REVISION_REVIEW_ROUNDS)).isEqualTo(0);
		assertThat(variable(second, AgreementProcess.Vars.AGREEMENT_GOALS)).isEqualTo(summary("Ziele der Fassung 2 mit Ziel 3"));
		coordinate(lifecycle);
		scenario.complete(lifecycle, DRAFT, revisedDraft(lifecycle, "Ziele der Fassung 3"));
		assertThat(variable(second, REVISION_REVIEW_ROUNDS)).isEqualTo(1);
		scenario.complete(lifecycle, REVIEW, approve(REVISION_CHANGES_REQUESTED));
		signByMunicipality(lifecycle, "2027-05-07");
		signByAgency(lifecycle, "2027-05-10");

		assertThat(lifecycle).isEnded();
		assertThat(historicVariable(lifecycle, AGREEMENT_VERSION)).isEqualTo(3);
		assertThat(historicVariable(lifecycle, AGREEMENT_PREVIOUS_VERSION)).isEqualTo(2);
		assertThat(historicVariable(lifecycle, AGREEMENT_PREVIOUS_SIGNED_DATE)).isEqualTo(startOfDay("2026-10-15"));
		assertThat(historicVariable(lifecycle, AGREEMENT_SIGNED_DATE)).isEqualTo(startOfDay("2027-05-10"));
		assertThat(historicVariable(lifecycle, AgreementProcess.Vars.AGREEMENT_GOALS)).isEqualTo(summary("Ziele der Fassung 3"));
	}

	// ------------------------------------------------------------------ steps

	/** The variables a caller hands in when the given version is in force. */
	private static Map<String, Object> versionInForce(int version) {
		Map<String, Object> variables = new HashMap<>(draft());
		variables.put(AgreementProcess.Vars.AGREEMENT_GOALS, "Bildungsmonitoring aufbauen");
		variables.put(AGREEMENT_VERSION, version);
		variables.put(AGREEMENT_SIGNED_DATE, FIRST_SIGNED);
		return variables;
	}

	private ProcessInstance startAfterVersion(int version) {
		return scenario.startStandalone(RevisionProcess.KEY, "TH", versionInForce(version));
	}

	private void coordinate(ProcessInstance revision) {
		scenario.complete(revision, COORDINATE_MUNICIPALITY, Map.of(REVISION_MUNICIPALITY_GOALS, "Bildungsberatung aufbauen",
				REVISION_MUNICIPALITY_MILESTONES, "Konzept Bildungsberatung bis 6/2027", REVISION_STAKEHOLDERS, "Jobcenter"));
		scenario.complete(revision, COORDINATE_AGENCY, Map.of(REVISION_COORDINATION_DATE, "2026-10-01",
				REVISION_AGENCY_NOTES, "Reviewgespräch: Ziele 1 und 2 erreicht, Ziel 3 neu"));
	}

	private Map<String, Object> revisedDraft(ProcessInstance revision, String goals) {
		return with(draft(agreements, revision, goals), REVISION_CHANGE_SUMMARY, "Neues Ziel Bildungsberatung, Meilensteine 2027");
	}

	private ProcessInstance drafted(ProcessInstance revision) {
		coordinate(revision);
		scenario.complete(revision, DRAFT, revisedDraft(revision, "Bildungsmonitoring aufbauen; Bildungsberatung ab 2027"));
		return revision;
	}

	private ProcessInstance accepted(ProcessInstance revision) {
		scenario.complete(revision, REVIEW, approve(REVISION_CHANGES_REQUESTED));
		return revision;
	}

	private void signByAgency(ProcessInstance revision, String date) {
		scenario.complete(revision, SIGN_AGENCY, sign(REVISION_AGENCY_SIGNED_DATE, date, REVISION_AGENCY_SIGNATORY, "Dr. Katja Wolf"));
	}

	private void signByMunicipality(ProcessInstance revision, String date) {
		scenario.complete(revision, SIGN_MUNICIPALITY,
				sign(REVISION_MUNICIPALITY_SIGNED_DATE, date, REVISION_MUNICIPALITY_SIGNATORY, "Oberbürgermeister"));
	}

	private Object variable(ProcessInstance instance, String name) {
		return scenario.runtime().getVariable(instance.getId(), name);
	}

	private Object historicVariable(ProcessInstance instance, String name) {
		var found = scenario.engine().getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId()).variableName(name).singleResult();
		return found == null ? null : found.getValue();
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
