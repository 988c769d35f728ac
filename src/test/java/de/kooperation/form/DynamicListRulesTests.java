package de.kooperation.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server's check of a form's dynamic list: every row by the rules of the list's fields, each
 * problem with its row named, as Tasklist (Json) or a REST client (a list) sends it.
 */
class DynamicListRulesTests {

	private final FormRules rules = new FormRules(new ObjectMapper());

	@Test
	void aListIsOneFieldOfItsFormWhoseRowsHaveTheirOwnFields() {
		assertThat(rules.fieldKeys("analysis-select-experts")).containsExactly("baselineAnalysisExpertSelection");
		FormRules.Field list = rules.fields("analysis-schedule-interviews").get(0);
		assertThat(list.type()).isEqualTo(FormRules.DYNAMIC_LIST);
		assertThat(list.rowFields()).extracting(FormRules.Field::key).containsExactly("name", "email", "dateOpen", "date", "time", "location");
		assertThat(list.rowFields()).extracting(FormRules.Field::subtype).containsSequence("date", "time");
	}

	@Test
	void goodRowsPass() {
		assertThat(rules.violations("analysis-select-experts", Map.of("baselineAnalysisExpertSelection", Rows.toVariable(List.of(
				Map.of("name", "Dr. Anna Schulz", "role", "Leiterin Schulverwaltungsamt", "email", "anna.schulz@stadt.de"),
				Map.of("name", "Jan Ohl", "role", "Jugendamt", "email", "")))))).isEmpty();
		assertThat(rules.violations("analysis-schedule-interviews", Map.of("baselineAnalysisInterviewSchedule", List.of(
				schedule("Anna Schulz", false, "2027-01-15", "09:00"), Map.of("name", "Jan Ohl", "email", "", "dateOpen", true))))).isEmpty();
	}

	@Test
	void everyBadRowIsNamedInGerman() {
		assertThat(rules.violations("analysis-select-experts", Map.of("baselineAnalysisExpertSelection", Rows.toVariable(List.of(
				Map.of("name", "Dr. Anna Schulz", "role", "", "email", "anna.schulz-at-stadt.de"),
				Map.of("name", "Jan Ohl", "role", "Jugendamt", "email", ""),
				Map.of("name", "", "role", "Sozialplanung", "email", "")))))).containsExactly(
						"„Ausgewählte Interviewpartner/innen“: Zeile 1 („Dr. Anna Schulz“): Bitte „Funktion“ ausfüllen. "
								+ "Zeile 1 („Dr. Anna Schulz“): „E-Mail (freiwillig)“ ist keine gültige E-Mail-Adresse. "
								+ "Zeile 3 („Sozialplanung“): Bitte „Name“ ausfüllen.");
	}

	@Test
	void aTimeOutsideTheDayAndAnImpossibleDateAreRefused_aHiddenDateIsNotRequired() {
		assertThat(rules.violations("analysis-schedule-interviews", Map.of("baselineAnalysisInterviewSchedule", List.of(
				schedule("Anna Schulz", false, "2027-01-15", "25:70"), schedule("Jan Ohl", false, "15.01.2027", "09:00"),
				Map.of("name", "Carla Berg", "email", "", "dateOpen", true)))))
			.containsExactly("„Termine je Interviewpartner/in“: Zeile 1 („Anna Schulz“): „Uhrzeit“ ist keine gültige Uhrzeit (SS:MM, z. B. 09:30). "
					+ "Zeile 2 („Jan Ohl“): „Datum“ ist kein gültiges Datum (JJJJ-MM-TT).");
	}

	@Test
	void anEmptyListAnUnknownRowFieldAndTextInsteadOfRowsAreRefused() {
		assertThat(rules.violations("analysis-select-experts", Map.of("baselineAnalysisExpertSelection", List.of())))
			.containsExactly("Bitte in „Ausgewählte Interviewpartner/innen“ mindestens eine Zeile ausfüllen.");
		assertThat(rules.violations("analysis-select-experts", Map.of("baselineAnalysisExpertSelection",
				List.of(Map.of("name", "Jan Ohl", "role", "Jugendamt", "gehalt", "1")))))
			.containsExactly("„Ausgewählte Interviewpartner/innen“: Zeile 1 („Jan Ohl“): „gehalt“ ist kein Feld dieser Liste.");
		assertThat(rules.violations("analysis-select-experts", Map.of("baselineAnalysisExpertSelection", "Jan Ohl; Jugendamt")))
			.containsExactly("„Ausgewählte Interviewpartner/innen“ muss eine Liste von Zeilen sein.");
	}

	private static Map<String, Object> schedule(String name, boolean open, String date, String time) {
		Map<String, Object> row = new HashMap<>();
		row.put("name", name);
		row.put("email", "");
		row.put("dateOpen", open);
		row.put("date", date);
		row.put("time", time);
		return row;
	}

}
