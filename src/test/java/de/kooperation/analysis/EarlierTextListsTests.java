package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Elements.PROPOSE_EXPERTS;
import static de.kooperation.shared.BaselineAnalysisProcess.Elements.SCHEDULE_INTERVIEWS;
import static de.kooperation.shared.BaselineAnalysisProcess.Elements.SELECT_EXPERTS;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.EngineClock;
import de.kooperation.FormRows;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.form.Rows;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.Zone;

/** An analysis that ran before the lists became rows keeps what was typed into the text fields. */
@ProcessTest
class EarlierTextListsTests {

	@Autowired
	Scenario scenario;

	@Autowired
	EarlierTextLists earlierTextLists;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(Instant.parse("2027-02-01T09:00:00Z"));

	@Test
	void aSelectionTypedAsLinesOpensWithOneRowPerPerson_andIsTakenAsTyped() {
		ProcessInstance analysis = scenario.startStandalone(BaselineAnalysisProcess.KEY, "NI",
				Map.of(CollaborationProcess.Vars.BASELINE_ANALYSIS_DUE, "2027-05-31", ANALYSIS_TOPICS, "Bildungsmonitoring"));
		scenario.complete(analysis, PROPOSE_EXPERTS, Map.of(EXPERT_PROPOSAL, FormRows.experts("Carla Berg; Sozialplanerin")));
		// as the text form left it: the proposal copied into the selection as lines
		scenario.runtime().setVariable(analysis.getId(), EXPERT_SELECTION,
				"- Carla Berg; Sozialplanerin; <carla.berg@kreis-ni.de>\n\n2. Tom Weber\tSchulamt\nDr. Anna Schulz; Leitung; a.schulz@kreis-ni.de; Raum 12");

		earlierTextLists.run(null);
		earlierTextLists.run(null);

		String select = scenario.task(analysis, SELECT_EXPERTS).getId();
		TypedValue shown = scenario.tasks().getVariableTyped(select, EXPERT_SELECTION, false);
		assertThat(shown.getType().getName()).isEqualTo("json");
		assertThat(Rows.of(shown)).containsExactly(
				Map.of(NAME, "Carla Berg", ROLE, "Sozialplanerin", EMAIL, "carla.berg@kreis-ni.de"),
				Map.of(NAME, "Tom Weber", ROLE, "Schulamt", EMAIL, ""),
				// nothing dropped: the extra part stays, and the rows' check names it before anything is taken
				Map.of(NAME, "Dr. Anna Schulz", ROLE, "Leitung", EMAIL, "a.schulz@kreis-ni.de; Raum 12"));

		List<Map<String, Object>> corrected = Rows.of(shown).subList(0, 2);
		scenario.complete(analysis, SELECT_EXPERTS, Map.of(EXPERT_SELECTION, Rows.toVariable(corrected)));
		assertThat(scenario.runtime().getVariable(analysis.getId(), EXPERTS)).isEqualTo(List.of(
				Map.of(NAME, "Carla Berg", ROLE, "Sozialplanerin", EMAIL, "carla.berg@kreis-ni.de"),
				Map.of(NAME, "Tom Weber", ROLE, "Schulamt", EMAIL, "")));
		assertThat(scenario.task(analysis, SCHEDULE_INTERVIEWS)).isNotNull();
	}

	@Test
	void aScheduleTypedAsLinesKeepsEachAgreedDayTimeAndPlace_andTheDaysStillOpen() {
		List<Map<String, Object>> experts = List.of(
				Map.of(NAME, "Dr. Anna Schulz", EMAIL, "a.schulz@kreis-ni.de"),
				Map.of(NAME, "Carla Berg", EMAIL, ""),
				Map.of(NAME, "Tom Weber", EMAIL, ""));

		List<Map<String, Object>> rows = EarlierTextLists.schedule("""
				Dr. Anna Schulz – 15.01.2027, 9 Uhr, Kreishaus Raum 2
				carla berg: 2027-01-20 um 14:30 Uhr
				Tom Weber – Termin folgt""", experts);

		assertThat(rows).containsExactly(
				Map.of(NAME, "Dr. Anna Schulz", EMAIL, "a.schulz@kreis-ni.de", DATE_OPEN, false, DATE, "2027-01-15", TIME, "09:00",
						LOCATION, "Kreishaus Raum 2"),
				Map.of(NAME, "Carla Berg", EMAIL, "", DATE_OPEN, false, DATE, "2027-01-20", TIME, "14:30", LOCATION, ""),
				Map.of(NAME, "Tom Weber", EMAIL, "", DATE_OPEN, true));
		assertThat(InterviewSchedule.of(rows, "Dr. Anna Schulz").orElseThrow().start())
			.isEqualTo(LocalDateTime.of(2027, 1, 15, 9, 0).atZone(ZoneId.of(Zone.ID)));
		assertThat(InterviewSchedule.of(rows, "Tom Weber")).isEmpty();
	}

}
