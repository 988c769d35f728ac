package de.kooperation.overview;

import static de.kooperation.shared.CollaborationProcess.Elements.ACKNOWLEDGE_RECOMMENDATIONS;
import static de.kooperation.shared.CollaborationProcess.Elements.EXPLORATORY_MEETING;
import static de.kooperation.shared.CollaborationProcess.Elements.RECORD_TERMINATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.collaboration.CollaborationService.Party;
import de.kooperation.shared.CoreElement;

/** The report for the funder's agency (Berichtspflicht) tells what happened, never who was interviewed. */
@ProcessTest
class FunderReportTests {

	@Autowired
	Scenario scenario;

	@Autowired
	CollaborationService collaborations;

	@Autowired
	FunderReport reports;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(LocalDateTime.of(2026, 1, 5, 9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());

	@Test
	void theReportOfATerminatedCollaborationCountsInterviewsButNamesNoInterviewee() throws Exception {
		ProcessInstance collaboration = collaborations.start(scenario.newMunicipality("TH").id(), "2028-12-31", null);
		String kommune = collaboration.getBusinessKey();
		scenario.advance(collaboration, ACKNOWLEDGE_RECOMMENDATIONS,
				new HashMap<>(Map.of("continueCollaboration", true, "recommendationsAcknowledged", true)));
		collaborations.terminate(kommune, Party.KOMMUNE, "Die Kommune steigt aus.");
		scenario.complete(collaboration, RECORD_TERMINATION, Map.of("terminationRecordedDate", "2026-01-05", "funderInformed", true));

		Map<String, Object> report = reports.of(kommune).orElseThrow();
		String json = new ObjectMapper().writeValueAsString(report);

		assertThat(report).containsEntry("kommune", kommune).containsEntry("bundesland", "TH")
			.containsEntry("foerderende", "2028-12-31").containsEntry("status", "gekündigt durch Kommune")
			.containsEntry("gefuehrteInterviews", 1L).containsEntry("fassungZielvereinbarung", 1);
		@SuppressWarnings("unchecked")
		Map<String, Object> profile = (Map<String, Object>) report.get("standortbestimmung");
		assertThat(profile).hasSize(CoreElement.values().length).containsEntry(CoreElement.STRATEGIC_GOALS.label(), "Typ 1");
		assertThat(json).contains("Zielvereinbarung abschließen", "Bedarfsanalyse durchführen");
		List<String> personal = interviewData(kommune);
		assertThat(personal).as("what the history holds about interviewees").isNotEmpty();
		assertThat(personal).noneMatch(json::contains);
		assertThat(json).doesNotContain("Die Kommune steigt aus.");
	}

	@Test
	void interviewsCancelledByATerminationAreNotCounted_aPostponedSondierungIsOnePhaseWithTheDayItWasHeld() {
		ProcessInstance collaboration = collaborations.start(scenario.newMunicipality("TH").id(), "2028-12-31", null);
		String kommune = collaboration.getBusinessKey();
		scenario.advance(collaboration, EXPLORATORY_MEETING, new HashMap<>(Map.of("continueCollaboration", true)));
		// postponed once, held two weeks later
		scenario.complete(collaboration, EXPLORATORY_MEETING, Map.of("exploratoryMeetingPostponed", true,
				"exploratoryMeetingDate", "2026-01-19", "exploratoryMeetingTime", "10:00"));
		scenario.moveClockTo(LocalDateTime.of(2026, 1, 19, 12, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
		scenario.advance(collaboration, BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW,
				new HashMap<>(Map.of("exploratoryMeetingPostponed", false)));
		long planned = scenario.openTasks(collaboration).stream()
			.filter(task -> task.getTaskDefinitionKey().equals(BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW)).count();
		assertThat(planned).as("interviews planned").isPositive();

		// the Kommune ends the collaboration before any interview took place
		collaborations.terminate(kommune, Party.KOMMUNE, "Die Kommune steigt aus.");
		scenario.complete(collaboration, RECORD_TERMINATION, Map.of("terminationRecordedDate", "2026-01-19", "funderInformed", true));

		Map<String, Object> report = reports.of(kommune).orElseThrow();
		assertThat(report).containsEntry("gefuehrteInterviews", 0L).containsEntry("reviewgespraeche", 0L)
			.containsEntry("strategiegespraeche", 0L);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> phases = (List<Map<String, Object>>) report.get("abgeschlossenePhasen");
		assertThat(phases).filteredOn(phase -> phase.get("schritt").toString().startsWith("Sondierungsgespräch durchführen"))
			.singleElement().satisfies(phase -> assertThat(phase).containsEntry("abgeschlossen", "2026-01-19"));
		assertThat(phases).extracting(phase -> phase.get("schritt")).doesNotHaveDuplicates()
			.doesNotContain("Bedarfsanalyse durchführen");
	}

	@Test
	void thereIsNoReportForAKommuneWithoutCollaboration() {
		assertThat(reports.of(scenario.newMunicipality("NI").id())).isEmpty();
	}

	/** Names, functions, e-mail addresses, dates and notes of the interviews, as the history holds them. */
	private List<String> interviewData(String kommune) {
		List<String> values = new ArrayList<>();
		String[] instances = scenario.engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(kommune)
			.list().stream().map(instance -> instance.getId()).toArray(String[]::new);
		for (HistoricVariableInstance variable : scenario.engine().getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instances)
			.variableNameIn(BaselineAnalysisProcess.Vars.INTERVIEWS, BaselineAnalysisProcess.Vars.INTERVIEW_NOTES)
			.list()) {
			if (variable.getValue() instanceof List<?> interviews) {
				for (Object interview : interviews) {
					// (the interview's date alone names nobody; the report has dates of its own)
					((Map<?, ?>) interview).values().stream().map(String::valueOf)
						.filter(value -> value.length() > 3 && !value.matches("\\d{4}-\\d{2}-\\d{2}"))
						.forEach(values::add);
				}
			}
			else if (variable.getValue() != null) {
				values.add(variable.getValue().toString());
			}
		}
		// the agency's interview records (koop_interview)
		jdbc.sql("select expert_name, expert_role, expert_email, notes from koop_interview where municipality_id = ?").param(kommune)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list().stream()
			.flatMap(List::stream).filter(value -> value != null && value.length() > 3).forEach(values::add);
		return values;
	}

}
