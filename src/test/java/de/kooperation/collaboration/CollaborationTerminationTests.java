package de.kooperation.collaboration;

import static de.kooperation.shared.CollaborationProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.collaboration.CollaborationService.Party;
import de.kooperation.shared.PartyGroups;

@ProcessTest
class CollaborationTerminationTests {

	@Autowired
	Scenario scenario;

	@Autowired
	CollaborationService collaborations;

	@AfterEach
	void clearAuthentication() {
		scenario.engine().getIdentityService().clearAuthentication();
	}

	@Test
	void theKommuneTerminatesDuringTheIntroductoryTalksAndTheAgencyDocumentsIt() {
		ProcessInstance collaboration = scenario.startCollaboration("TH");
		String kommune = collaboration.getBusinessKey();
		scenario.engine().getIdentityService().setAuthentication("kontakt",
				List.of(PartyGroups.municipalityContacts(kommune)));

		collaborations.terminate(kommune, Party.KOMMUNE, "Personalwechsel in der Verwaltung");
		scenario.engine().getIdentityService().clearAuthentication();

		assertThat(collaboration).isWaitingAt(RECORD_TERMINATION);
		assertThat(scenario.candidateGroups(scenario.task(collaboration, RECORD_TERMINATION)))
			.containsExactly(PartyGroups.AGENCY_LEADERSHIP);
		assertThat(scenario.runtime().getVariable(collaboration.getId(), "terminatedBy")).isEqualTo("Kommune");

		scenario.complete(collaboration, RECORD_TERMINATION, Map.of("terminationRecordedDate", LocalDate.now().toString(),
				"funderInformed", true));

		assertThat(collaboration).isEnded().hasPassed(END_TERMINATED);
		assertThat(scenario.openTasks(collaboration)).isEmpty();
		// the Kommune may start again later
		assertThat(collaborations.start(kommune, LocalDate.now().plusYears(1).toString(), null)).isNotNull();
	}

	@Test
	void anotherKommunesUserCannotTerminate() {
		ProcessInstance collaboration = scenario.startCollaboration("NI");
		scenario.engine().getIdentityService().setAuthentication("fremd",
				List.of(PartyGroups.municipalityContacts("andere-kommune")));

		assertThatThrownBy(() -> collaborations.terminate(collaboration.getBusinessKey(), Party.KOMMUNE, "Versuch"))
			.isInstanceOf(AuthorizationException.class);
		scenario.engine().getIdentityService().clearAuthentication();
		assertThat(collaboration).isWaitingAt(INTRODUCTORY_TALKS);
	}

	@Test
	void aTerminationWithoutReasonOrRunningCollaborationIsRefused() {
		ProcessInstance collaboration = scenario.startCollaboration("RP");

		assertThatThrownBy(() -> collaborations.terminate(collaboration.getBusinessKey(), Party.TRANSFERAGENTUR, " "))
			.isInstanceOf(BadUserRequestException.class).hasMessageContaining("Grund");
		assertThatThrownBy(() -> collaborations.terminate("gibt-es-nicht", Party.TRANSFERAGENTUR, "Ende"))
			.isInstanceOf(BadUserRequestException.class).hasMessageContaining("keine Kooperation");
		assertThat(collaboration).isWaitingAt(INTRODUCTORY_TALKS);
	}

}
