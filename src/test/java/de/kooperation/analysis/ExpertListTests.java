package de.kooperation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kooperation.analysis.ExpertList.Expert;
import de.kooperation.form.Rows;

/** The experts' list, one row per person as the form's dynamic list sends it. */
class ExpertListTests {

	@Test
	void namesFunctionsAndOptionalEmailsAreReadOnePerRow() {
		ExpertList.Parsed parsed = ExpertList.fromRows(Rows.of(Rows.toVariable(List.of(
				row("Dr. Anna Schulz", "Leiterin Schulverwaltungsamt", "anna.schulz@stadt.de"),
				row(" Jan Ohl ", "Leiter Jugendamt", "")))));

		assertThat(parsed.valid()).isTrue();
		assertThat(parsed.experts()).containsExactly(
				new Expert("Dr. Anna Schulz", "Leiterin Schulverwaltungsamt", "anna.schulz@stadt.de"),
				new Expert("Jan Ohl", "Leiter Jugendamt", ""));
	}

	@Test
	void rowsFromJsonAndFromJavaListsReadAlike() {
		List<Map<String, Object>> rows = List.of(row("Anna Schulz", "Schulamt", "anna@stadt.de"), Map.of("name", "Jan Ohl", "role", "Jugendamt"));

		assertThat(ExpertList.fromRows(Rows.of(rows)).experts()).isEqualTo(ExpertList.fromRows(Rows.of(Rows.toVariable(rows))).experts())
			.extracting(Expert::email).containsExactly("anna@stadt.de", "");
	}

	@Test
	void everyBadRowIsNamedWithItsNumberAndName() {
		ExpertList.Parsed parsed = ExpertList.fromRows(Rows.of(List.of(
				row("Anna Schulz", "", ""),
				row("", "", ""),
				row("Jan Ohl", "Jugendamt", "jan-at-stadt.de"),
				row("Carla Berg", "Sozialplanung", ""),
				row("carla berg", "Sozialplanung", ""))));

		assertThat(parsed.valid()).isFalse();
		assertThat(parsed.experts()).isEmpty();
		assertThat(parsed.problems()).containsExactly(
				"Zeile 1 („Anna Schulz“): Die Funktion von „Anna Schulz“ fehlt.",
				"Zeile 2: Die Zeile ist leer – bitte ausfüllen oder entfernen.",
				"Zeile 3 („Jan Ohl“): „jan-at-stadt.de“ ist keine gültige E-Mail-Adresse.",
				"Zeile 5 („carla berg“): „carla berg“ steht schon in Zeile 4.");
	}

	@Test
	void noRowsMeansNoExperts() {
		assertThat(ExpertList.fromRows(Rows.of(null)).problems()).singleElement().asString().startsWith("Bitte mindestens eine Person");
		assertThat(ExpertList.fromRows(Rows.of(List.of())).problems()).singleElement().asString().startsWith("Bitte mindestens eine Person");
		assertThat(ExpertList.fromRows(Rows.of("Anna Schulz; Schulamt")).problems()).singleElement().asString().contains("als Liste von Zeilen");
	}

	@Test
	void twentyExpertsAreAcceptedTwentyOneAreNot() {
		assertThat(ExpertList.fromRows(Rows.of(rows(20))).experts()).hasSize(20);
		assertThat(ExpertList.fromRows(Rows.of(rows(21))).problems())
			.containsExactly("Höchstens 20 Interviewpartner/innen je Bedarfsanalyse (angegeben: 21).");
	}

	@Test
	void overlongNamesAndFunctionsAreRefused() {
		assertThat(ExpertList.fromRows(Rows.of(List.of(row("x".repeat(101), "Jugendamt", "")))).problems()).singleElement().asString()
			.endsWith(": Der Name ist zu lang (höchstens 100 Zeichen).");
		assertThat(ExpertList.fromRows(Rows.of(List.of(row("Jan Ohl", "x".repeat(201), "")))).problems())
			.containsExactly("Zeile 1 („Jan Ohl“): Die Funktion ist zu lang (höchstens 200 Zeichen).");
	}

	@Test
	void manyProblemsAreSummarisedAfterTheFifth() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String name : List.of("a", "b", "c", "d", "e", "f", "g")) {
			rows.add(row(name, "", ""));
		}
		List<String> problems = ExpertList.fromRows(Rows.of(rows)).problems();

		assertThat(problems).hasSize(6).last().isEqualTo("… und 2 weitere.");
	}

	@Test
	void theStoredListHoldsPlainMapsOfStrings() {
		Object stored = ExpertList.fromRows(Rows.of(Rows.toVariable(List.of(row("Jan Ohl", "Jugendamt", "jan@stadt.de"))))).toVariable();

		assertThat(stored).isInstanceOf(java.util.ArrayList.class);
		assertThat((List<?>) stored).singleElement().isInstanceOf(java.util.LinkedHashMap.class)
			.isEqualTo(Map.of("name", "Jan Ohl", "role", "Jugendamt", "email", "jan@stadt.de"));
		assertThat(Expert.fromVariable(((List<?>) stored).get(0))).isEqualTo(new Expert("Jan Ohl", "Jugendamt", "jan@stadt.de"));
	}

	static Map<String, Object> row(String name, String role, String email) {
		return Map.of("name", name, "role", role, "email", email);
	}

	private static List<Map<String, Object>> rows(int count) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			rows.add(row("Person " + n, "Funktion " + n, ""));
		}
		return rows;
	}

}
