package de.kooperation.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Milestone;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.shared.PartyGroups;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;

/**
 * The facts the overview and the exports show come from a few queries over all Kommunen at once;
 * they must be what the engine says of each collaboration on its own: its phase by its active
 * steps, its transfer manager, its overdue tasks per party, its last activity (asked here through
 * the engine's query API, one Kommune at a time, as the pages did before).
 */
@ProcessTest
class CollaborationFactsTests {

	@Autowired
	Scenario scenario;

	@Autowired
	CollaborationService collaborations;

	@Autowired
	CollaborationFacts facts;

	@Autowired
	Agreements agreements;

	@Autowired
	MunicipalityRepository municipalities;

	@Autowired
	ProcessEngine engine;

	@AfterEach
	void resetClock() {
		scenario.resetClock();
	}

	@Test
	void everyKommunesFactsFromTheQueriesOverAllAreWhatTheEngineSaysOfItsCollaborationAlone() {
		scenario.moveClockTo(LocalDateTime.of(2026, 1, 5, 9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
		for (String transferManager : List.of("facts.lena", "facts.jonas")) {
			if (engine.getIdentityService().createUserQuery().userId(transferManager).count() == 0) {
				engine.getIdentityService().saveUser(engine.getIdentityService().newUser(transferManager));
				engine.getIdentityService().createMembership(transferManager, PartyGroups.AGENCY_TEAM);
			}
		}
		Map<String, Object> decisions = new HashMap<>(Map.of("continueCollaboration", true, "transferPlanWanted", true,
				"recommendationsAcknowledged", true));
		String neverStarted = scenario.newMunicipality("TH").id();
		ProcessInstance inAgreement = collaborations.start(scenario.newMunicipality("NI").id(), "2028-12-31", "facts.lena");
		scenario.advance(inAgreement, AgreementProcess.Elements.REVIEW, decisions);
		ProcessInstance inAnalysis = collaborations.start(scenario.newMunicipality("RP").id(), "2028-12-31", "facts.jonas");
		scenario.advance(inAnalysis, BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW, decisions);
		ProcessInstance ended = collaborations.start(scenario.newMunicipality("BY").id(), "2028-12-31", "facts.lena");
		scenario.advance(ended, BaselineAnalysisProcess.Elements.SELECT_EXPERTS, decisions);
		collaborations.terminate(ended.getBusinessKey(), CollaborationService.Party.KOMMUNE, "Der Stadtrat hat die Mittel gestrichen.");
		scenario.advance(ended, null, decisions);
		ProcessInstance terminating = collaborations.start(scenario.newMunicipality("SN").id(), "2028-12-31", null);
		collaborations.terminate(terminating.getBusinessKey(), CollaborationService.Party.TRANSFERAGENTUR, "Die Förderung endet.");
		// a year later much is overdue, on both sides
		scenario.moveClockBy(Duration.ofDays(365));
		List<String> ours = List.of(neverStarted, inAgreement.getBusinessKey(), inAnalysis.getBusinessKey(), ended.getBusinessKey(),
				terminating.getBusinessKey());

		Map<String, CollaborationFacts.Summary> all = new HashMap<>();
		facts.all().stream().filter(row -> ours.contains(row.municipality().id())).forEach(row -> all.put(row.municipality().id(), row));

		assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(ours);
		for (String id : ours) {
			Municipality municipality = municipalities.findById(id).orElseThrow();
			assertThat(all.get(id)).as(id).isEqualTo(askedOneByOne(municipality)).isEqualTo(facts.summary(municipality));
		}
		assertThat(List.of(all.get(neverStarted).phase(), all.get(inAgreement.getBusinessKey()).phase(),
				all.get(inAnalysis.getBusinessKey()).phase(), all.get(ended.getBusinessKey()).phase(),
				all.get(terminating.getBusinessKey()).phase()))
			.containsExactly("Nicht begonnen", "Zielvereinbarung", "Bedarfsanalyse", "Beendet", "Beendigung");
		assertThat(all.get(inAnalysis.getBusinessKey()).transferManager()).isEqualTo("facts.jonas");
		assertThat(all.get(inAnalysis.getBusinessKey()).overdueTasksAgency()).as("interviews overdue").isPositive();
		assertThat(all.get(inAgreement.getBusinessKey()).overdueTasksMunicipality()).as("the review overdue").isPositive();
		assertThat(all.get(ended.getBusinessKey()).lastActivity()).isNotNull();
	}

	/** What the engine's query API says of one Kommune's collaboration (the pages' former way). */
	private CollaborationFacts.Summary askedOneByOne(Municipality municipality) {
		String id = municipality.id();
		var runtime = engine.getRuntimeService();
		ProcessInstance running = runtime.createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(id)
			.singleResult();
		HistoricProcessInstance latest = engine.getHistoryService().createHistoricProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(id)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		String phase = running != null
				? runtime.getActiveActivityIds(running.getId()).stream().map(CollaborationFacts.PHASES::get).filter(Objects::nonNull)
					.findFirst().orElse("Umsetzung")
				: latest != null ? CollaborationFacts.ENDED : CollaborationFacts.NOT_STARTED;
		Object manager = running == null ? null : runtime.getVariable(running.getId(), CollaborationProcess.Vars.TRANSFER_MANAGER);
		int[] overdue = new int[2];
		for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).list()) {
			if (task.getDueDate() != null && task.getDueDate().before(ClockUtil.getCurrentTime())) {
				boolean municipalityTask = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
					.anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
							&& link.getGroupId().startsWith("kommune-"));
				overdue[municipalityTask ? 1 : 0]++;
			}
		}
		Instant last = latest == null ? null : latest.getStartTime().toInstant();
		for (HistoricTaskInstance task : engine.getHistoryService().createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(id).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1)) {
			if (last == null || task.getEndTime().toInstant().isAfter(last)) {
				last = task.getEndTime().toInstant();
			}
		}
		LocalDate today = CollaborationFacts.today();
		Milestone next = null;
		int lateAgency = 0;
		int lateMunicipality = 0;
		if (!CollaborationFacts.ENDED.equals(phase)) {
			for (Milestone milestone : agreements.current(id).map(AgreementVersion::milestones).orElse(List.of())) {
				if (milestone.lateOn(today)) {
					lateAgency += milestone.agencyPart() == null || milestone.agencyPart().isBlank() ? 0 : 1;
					lateMunicipality += milestone.municipalityPart() == null || milestone.municipalityPart().isBlank() ? 0 : 1;
				}
				if (!milestone.closed() && milestone.dueOn() != null && (next == null || milestone.dueOn().isBefore(next.dueOn()))) {
					next = milestone;
				}
			}
		}
		return new CollaborationFacts.Summary(municipality, running != null ? running.getId() : latest != null ? latest.getId() : null,
				phase, manager == null ? null : manager.toString(), next, overdue[0] + lateAgency, overdue[1] + lateMunicipality, last,
				lateAgency, lateMunicipality);
	}

}
