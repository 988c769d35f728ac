package de.kooperation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kooperation.analysis.ExpertList.Expert;

class ExpertListTests {

	@Test
	void namesFunctionsAndOptionalEmailsAreReadOnePerLine() {
		ExpertList.Parsed parsed = ExpertList.parse("""
				Dr. Anna Schulz; Leiterin Schulverwaltungsamt; anna.schulz@stadt.de
				Jan  Ohl ;  Leiter Jugendamt
				""");

		assertThat(parsed.valid()).isTrue();
		assertThat(parsed.experts()).containsExactly(
				new Expert("Dr. Anna Schulz", "Leiterin Schulverwaltungsamt", "anna.schulz@stadt.de"),
				new Expert("Jan Ohl", "Leiter Jugendamt", ""));
	}

	@Test
	void bulletsBlankLinesSpreadsheetTabsAndMailProgramAddressesAreForgiven() {
		ExpertList.Parsed parsed = ExpertList.parse("""
				• Anna Schulz; Schulamt; mailto:anna@stadt.de

				2. Jan Ohl\tJugendamt\t<jan@stadt.de>
				- Carla Berg; Sozialplanung;
				""".replace("\n", "\r\n"));

		assertThat(parsed.experts()).extracting(Expert::name).containsExactly("Anna Schulz", "Jan Ohl", "Carla Berg");
		assertThat(parsed.experts()).extracting(Expert::email).containsExactly("anna@stadt.de", "jan@stadt.de", "");
	}

	@Test
	void everyBadLineIsNamedWithItsLineNumber() {
		ExpertList.Parsed parsed = ExpertList.parse("""
				Anna Schulz

				Jan Ohl; Jugendamt; jan-at-stadt.de
				Carla Berg; Sozialplanung
				""");

		assertThat(parsed.valid()).isFalse();
		assertThat(parsed.experts()).isEmpty();
		assertThat(parsed.problems()).hasSize(2);
		assertThat(parsed.problems().get(0)).startsWith("Zeile 1: „Anna Schulz“");
		assertThat(parsed.problems().get(1)).isEqualTo("Zeile 3: „jan-at-stadt.de“ ist keine gültige E-Mail-Adresse.");
	}

	@Test
	void emptyTextMeansNoExperts() {
		assertThat(ExpertList.parse(null).problems()).singleElement().asString().startsWith("Bitte mindestens eine Person");
		assertThat(ExpertList.parse("\n - \n").problems()).singleElement().asString().startsWith("Bitte mindestens eine Person");
	}

	@Test
	void twentyExpertsAreAcceptedTwentyOneAreNot() {
		assertThat(ExpertList.parse(lines(20)).experts()).hasSize(20);
		assertThat(ExpertList.parse(lines(21)).problems())
			.containsExactly("Höchstens 20 Interviewpartner/innen je Bedarfsanalyse (angegeben: 21).");
	}

	@Test
	void overlongNamesAndFunctionsAreRefused() {
		assertThat(ExpertList.parse("x".repeat(101) + "; Jugendamt").problems())
			.containsExactly("Zeile 1: Der Name ist zu lang (höchstens 100 Zeichen).");
		assertThat(ExpertList.parse("Jan Ohl; " + "x".repeat(201)).problems())
			.containsExactly("Zeile 1: Die Funktion ist zu lang (höchstens 200 Zeichen).");
	}

	@Test
	void manyProblemsAreSummarisedAfterTheFifth() {
		List<String> problems = ExpertList.parse("a\nb\nc\nd\ne\nf\ng").problems();

		assertThat(problems).hasSize(6).last().isEqualTo("… und 2 weitere.");
	}

	@Test
	void theStoredListHoldsPlainMapsOfStrings() {
		Object stored = ExpertList.parse("Jan Ohl; Jugendamt; jan@stadt.de").toVariable();

		assertThat(stored).isInstanceOf(java.util.ArrayList.class);
		assertThat((List<?>) stored).singleElement().isInstanceOf(java.util.LinkedHashMap.class)
			.isEqualTo(Map.of("name", "Jan Ohl", "role", "Jugendamt", "email", "jan@stadt.de"));
		assertThat(Expert.fromVariable(((List<?>) stored).get(0))).isEqualTo(new Expert("Jan Ohl", "Jugendamt", "jan@stadt.de"));
	}

	private static String lines(int count) {
		StringBuilder text = new StringBuilder();
		for (int n = 1; n <= count; n++) {
			text.append("Person ").append(n).append("; Funktion ").append(n).append('\n');
		}
		return text.toString();
	}

}
