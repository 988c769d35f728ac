package de.kooperation.collaboration;

import static de.kooperation.shared.CollaborationProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.collaboration.CollaborationService.Party;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.CollaborationProcess;

/**
 * Whole collaborations through every phase and called process, with the engine clock moved
 * over the years of implementation; and termination from every phase.
 */
@ProcessTest
class CollaborationJourneyTests {

	/** A collaboration funded for 18 months from January 2026. */
	static final String FUNDING_END = "2027-06-30";

	@Autowired
	Scenario scenario;

	@Autowired
	CollaborationService collaborations;

	Map<String, Object> decisions = new HashMap<>(Map.of("continueCollaboration", true, "transferPlanWanted", true,
			"recommendationsAcknowledged", true));

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(LocalDateTime.of(2026, 1, 5, 9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());

	@Test
	void aCollaborationRunsThroughEveryPhaseToTheEndOfFundingWithATransferPlan() {
		ProcessInstance collaboration = start("NI");

		scenario.advance(collaboration, FINAL_REPORT, decisions);

		assertThat(collaboration).hasPassed(INTRODUCTORY_TALKS, CALL_AGREEMENT, SCHEDULE_EXPLORATORY_MEETING, EXPLORATORY_MEETING,
				CALL_BASELINE_ANALYSIS, CHOOSE_DISCOURSE_FORMATS, HOLD_DISCOURSE, ACKNOWLEDGE_RECOMMENDATIONS, CONCRETISE_GOALS,
				SUPPORT_CONCRETISATION, PREPARE_TRANSFER_PLAN, CALL_REVISION, CALL_IMPLEMENTATION);
		assertThat(scenario.candidateGroups(scenario.task(collaboration, FINAL_REPORT))).containsExactly(PartyGroups.AGENCY_LEADERSHIP);
		// the agreement was signed (version 1) and revised once after the concretisation (version 2)
		assertThat(scenario.runtime().getVariable(collaboration.getId(), "agreementVersion")).isEqualTo(2);
		// the implementation ran until the end of funding
		assertThat(LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Europe/Berlin")))
			.isEqualTo(LocalDate.parse(FUNDING_END));

		scenario.advance(collaboration, null, decisions);
		assertThat(collaboration).isEnded().hasPassed(END_FUNDING);
		assertThat(collaborations.start(collaboration.getBusinessKey(), "2029-12-31", null)).isNotNull();
	}

	@Test
	void withoutATransferPlanTheRevisionFollowsTheConcretisationDirectly() {
		decisions.put("transferPlanWanted", false);
		ProcessInstance collaboration = start("TH");

		scenario.advance(collaboration, null, decisions);

		assertThat(collaboration).isEnded().hasPassed(CALL_REVISION, END_FUNDING).hasNotPassed(PREPARE_TRANSFER_PLAN);
	}

	@ParameterizedTest(name = "terminated at {0}")
	@ValueSource(strings = { "user_draft_agreement", "user_sign_agreement_municipality", EXPLORATORY_MEETING,
			"user_propose_experts", "user_conduct_interview", CHOOSE_DISCOURSE_FORMATS, HOLD_DISCOURSE, CONCRETISE_GOALS,
			PREPARE_TRANSFER_PLAN, "user_review_revision", "user_plan_review_meeting", "user_give_feedback", FINAL_REPORT })
	void eitherPartyMayEndTheCollaborationInEveryPhase(String phaseTask) {
		ProcessInstance collaboration = start("RP");
		scenario.advance(collaboration, phaseTask, decisions);
		Party party = phaseTask.hashCode() % 2 == 0 ? Party.KOMMUNE : Party.TRANSFERAGENTUR;

		collaborations.terminate(collaboration.getBusinessKey(), party, "Die Kommune steigt aus dem Programm aus.");

		List<Task> open = scenario.openTasks(collaboration);
		assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly(RECORD_TERMINATION);
		assertThat(scenario.runtime().createProcessInstanceQuery().processInstanceBusinessKey(collaboration.getBusinessKey()).count())
			.as("called processes are cancelled with it").isEqualTo(1);
		assertThat(scenario.runtime().getVariable(collaboration.getId(), "terminatedBy")).isEqualTo(party.label());

		scenario.complete(collaboration, RECORD_TERMINATION, Map.of("terminationRecordedDate", "2026-01-05", "funderInformed", true));
		assertThat(collaboration).isEnded().hasPassed(END_TERMINATED).hasNotPassed(END_FUNDING);
	}

	@Test
	void publicityAroundTheSigningRunsBesideTheSondierungAndEndsOnItsOwn() {
		ProcessInstance collaboration = start("NI");
		decisions.put("agreementPublicityWanted", true);

		scenario.advance(collaboration, SCHEDULE_EXPLORATORY_MEETING, decisions);

		// the agreement is concluded: the Sondierung can be scheduled while both sides work on the publicity
		assertThat(collaboration).isWaitingAt(SCHEDULE_EXPLORATORY_MEETING, SIGNING_PUBLICITY, SUPPORT_SIGNING_PUBLICITY);
		Task publicity = scenario.task(collaboration, SIGNING_PUBLICITY);
		assertThat(publicity.getName()).isEqualTo("Öffentlichkeitsarbeit zur Unterzeichnung");
		assertThat(scenario.candidateGroups(publicity)).containsExactly(PartyGroups.municipalityContacts(collaboration.getBusinessKey()));
		assertThat(scenario.candidateGroups(scenario.task(collaboration, SUPPORT_SIGNING_PUBLICITY)))
			.containsExactly(PartyGroups.AGENCY_TEAM);

		scenario.advance(collaboration, null, decisions);
		assertThat(collaboration).isEnded().hasPassed(GATEWAY_PUBLICITY_WANTED, GATEWAY_PUBLICITY_SPLIT, SIGNING_PUBLICITY,
				SUPPORT_SIGNING_PUBLICITY, GATEWAY_PUBLICITY_JOIN, END_PUBLICITY_DONE, GATEWAY_PUBLICITY_MERGE, END_FUNDING);
	}

	@Test
	void theCalledProcessesHandBackWhatTheyChangedAndLeaveTheRestOfTheCollaborationAsItWas() {
		ProcessInstance collaboration = start("TH");

		scenario.advance(collaboration, FINAL_REPORT, decisions);

		// changed or new in the called processes: back in the collaboration
		assertThat(scenario.runtime().getVariable(collaboration.getId(), "agreementVersion")).isEqualTo(2);
		assertThat(scenario.runtime().getVariable(collaboration.getId(), "resultReportLink")).isNotNull();
		// given to all four called processes and changed by none: written once, at the start, as Cockpit's history shows
		assertThat(variableWrites(collaboration, CollaborationProcess.Vars.MUNICIPALITY_NAME)).isEqualTo(1);
		assertThat(variableWrites(collaboration, CollaborationProcess.Vars.FEDERAL_STATE)).isEqualTo(1);
		// the interviewees' names and notes stay where they belong: not copied into the revision and implementation
		List<String> later = scenario.engine().getHistoryService().createHistoricProcessInstanceQuery()
			.superProcessInstanceId(collaboration.getId())
			.list().stream()
			.filter(called -> List.of("revision", "implementation").contains(called.getProcessDefinitionKey()))
			.map(called -> called.getId())
			.toList();
		assertThat(later).hasSize(2);
		assertThat(scenario.engine().getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceIdIn(later.toArray(String[]::new))
			.variableNameLike("baselineAnalysis%")
			.count()).isZero();
	}

	private long variableWrites(ProcessInstance instance, String name) {
		HistoryService history = scenario.engine().getHistoryService();
		HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(name)
			.singleResult();
		return history.createHistoricDetailQuery().variableUpdates().variableInstanceId(variable.getId()).count();
	}

	private ProcessInstance start(String federalState) {
		return collaborations.start(scenario.newMunicipality(federalState).id(), FUNDING_END, null);
	}

}
