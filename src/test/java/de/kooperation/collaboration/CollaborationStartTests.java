package de.kooperation.collaboration;

import static de.kooperation.shared.CollaborationProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.municipality.Municipality;
import de.kooperation.shared.CollaborationProcess;

@ProcessTest
class CollaborationStartTests {

	@Autowired
	Scenario scenario;

	@Autowired
	CollaborationService collaborations;

	@Test
	void aStartedCollaborationOffersTheIntroductoryTalksToTheAgencyTeam() {
		Municipality kommune = scenario.newMunicipality("TH");

		ProcessInstance collaboration = collaborations.start(kommune.id(), LocalDate.now().plusYears(2).toString(), null);

		assertThat(collaboration).isWaitingAt(INTRODUCTORY_TALKS);
		assertThat(collaboration.getBusinessKey()).isEqualTo(kommune.id());
		assertThat(scenario.runtime().getVariable(collaboration.getId(), "municipalityGroup"))
			.isEqualTo("kommune-" + kommune.id());
		assertThat(scenario.tasks().createTaskQuery().taskCandidateGroup("ta-team")
			.processInstanceId(collaboration.getId()).count()).isEqualTo(1);
		assertThat(scenario.task(collaboration, INTRODUCTORY_TALKS).getDueDate()).isNotNull();
	}

	@Test
	void aSecondCollaborationForTheSameKommuneIsRefused() {
		Municipality kommune = scenario.newMunicipality("NI");
		collaborations.start(kommune.id(), LocalDate.now().plusYears(2).toString(), null);

		assertThatThrownBy(() -> collaborations.start(kommune.id(), LocalDate.now().plusYears(2).toString(), null))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("läuft bereits eine Kooperation");
		assertThat(scenario.runtime().createProcessInstanceQuery().processInstanceBusinessKey(kommune.id()).count())
			.isEqualTo(1);
	}

	@Test
	void anUnknownKommuneIsRefusedAndNothingIsStarted() {
		assertThatThrownBy(() -> collaborations.start("atlantis", LocalDate.now().plusYears(2).toString(), null))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Unbekannte Kommune");
		assertThat(scenario.runtime().createProcessInstanceQuery().processInstanceBusinessKey("atlantis").count()).isZero();
	}

	/** What a caller of the engine's REST start sends: no Kommune, or two different ones, or a very long one. */
	@Test
	void aStartWithoutAKommuneOrWithTwoIsRefusedInPlainGermanWithoutEchoingLongInput() {
		String fundingEnd = LocalDate.now().plusYears(2).toString();
		assertThatThrownBy(() -> scenario.runtime().startProcessInstanceByKey(CollaborationProcess.KEY, Map.of(CollaborationProcess.Vars.FUNDING_END, fundingEnd)))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Bitte die Kommune angeben")
			.hasMessageNotContaining("Business Key")
			.hasMessageNotContaining("municipalityId");
		Municipality kommune = scenario.newMunicipality("TH");
		String huge = "x".repeat(5_000);
		assertThatThrownBy(() -> scenario.runtime().startProcessInstanceByKey(CollaborationProcess.KEY, kommune.id(),
				Map.of(CollaborationProcess.Vars.FUNDING_END, fundingEnd, CollaborationProcess.Vars.MUNICIPALITY_ID, huge)))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Zwei verschiedene Kommunen")
			.hasMessageNotContaining("Business Key")
			.satisfies(refusal -> assertThat(refusal.getMessage()).hasSizeLessThan(300));
		assertThatThrownBy(() -> collaborations.start(huge, fundingEnd, null))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Unbekannte Kommune")
			.satisfies(refusal -> assertThat(refusal.getMessage()).hasSizeLessThan(300));
		assertThat(scenario.runtime().createProcessInstanceQuery().processInstanceBusinessKey(kommune.id()).count()).isZero();
	}

	@Test
	void aFundingEndInThePastIsRefused() {
		Municipality kommune = scenario.newMunicipality("RP");

		assertThatThrownBy(() -> collaborations.start(kommune.id(), "2001-01-01", null))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Förderende");
		// refused start leaves the Kommune free for a correct one
		assertThat(collaborations.start(kommune.id(), LocalDate.now().plusYears(1).toString(), null)).isNotNull();
	}

	@Test
	void anIncompleteTaskCompletionIsRefusedWithTheFormsLabels() {
		ProcessInstance collaboration = scenario.startCollaboration("TH");
		String taskId = scenario.task(collaboration, INTRODUCTORY_TALKS).getId();

		assertThatThrownBy(() -> scenario.tasks().complete(taskId, Map.of("continueCollaboration", true)))
			.hasMessageContaining("Datum des Gesprächs")
			.hasMessageContaining("Erste Bedarfe der Kommune");
		assertThat(collaboration).isWaitingAt(INTRODUCTORY_TALKS);
	}

	@Test
	void noAgreementAfterTheIntroductoryTalksEndsTheCollaborationAndFreesTheKommune() {
		ProcessInstance collaboration = scenario.startCollaboration("TH");

		scenario.complete(collaboration, INTRODUCTORY_TALKS, Map.of("introductoryTalksDate", "2026-06-01",
				"initialNeeds", "Bildungsmonitoring", "continueCollaboration", false));

		assertThat(collaboration).isEnded().hasPassed(END_NO_COLLABORATION);
		assertThat(collaborations.start(collaboration.getBusinessKey(), LocalDate.now().plusYears(1).toString(), null))
			.isNotNull();
	}

}
