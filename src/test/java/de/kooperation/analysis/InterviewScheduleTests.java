package de.kooperation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kooperation.FormRows;
import de.kooperation.analysis.ExpertList.Expert;
import de.kooperation.form.Rows;

/** The interview dates as a Kommune's contact enters them, one row per selected expert. */
class InterviewScheduleTests {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	static final List<Expert> EXPERTS = List.of(new Expert("Brigitte Immel", "Schulamt", "brigitte.immel@stadt.de"),
			new Expert("Dr. Jan Ohl", "Jugendamt", ""), new Expert("Carla Berg", "Sozialplanung", ""),
			new Expert("Deniz Kaya", "Integration", "deniz.kaya@stadt.de"));

	static final Object SCHEDULE = Rows.toVariable(List.of(
			row("Brigitte Immel", "brigitte.immel@stadt.de", "2026-03-12", "10:00", "Rathaus, Raum 2"),
			row("Dr. Jan Ohl", "", "2026-03-13", "14:30", "Jugendamt"),
			row("Carla Berg", "", "2026-03-16", "09:00", null),
			open("Deniz Kaya", "deniz.kaya@stadt.de")));

	@Test
	void aRowGivesItsExpertsDayTimeAndPlaceAsEntered() {
		assertThat(InterviewSchedule.problems(Rows.of(SCHEDULE), EXPERTS, TODAY)).as("the example schedule is taken").isEmpty();
		assertThat(InterviewSchedule.of(Rows.of(SCHEDULE), "Brigitte Immel"))
			.contains(new InterviewSchedule.Slot(berlin(2026, 3, 12, 10, 0), "Rathaus, Raum 2"));
		assertThat(InterviewSchedule.of(Rows.of(SCHEDULE), "Dr. Jan Ohl"))
			.contains(new InterviewSchedule.Slot(berlin(2026, 3, 13, 14, 30), "Jugendamt"));
		assertThat(InterviewSchedule.of(Rows.of(SCHEDULE), "Carla Berg")).contains(new InterviewSchedule.Slot(berlin(2026, 3, 16, 9, 0), null));
	}

	@Test
	void anOpenDayGivesNoInvitation() {
		assertThat(InterviewSchedule.of(Rows.of(SCHEDULE), "Deniz Kaya")).isEmpty();
		assertThat(InterviewSchedule.of(Rows.of(SCHEDULE), "Nicht Genannt")).isEmpty();
		assertThat(InterviewSchedule.of(Rows.of(null), "Brigitte Immel")).isEmpty();
	}

	@Test
	void nineOClockIsNineNotTen() {
		assertThat(InterviewSchedule.of(Rows.of(List.of(row("Dr. Anna Schulz", "", "2027-01-15", "09:00", null))), "Dr. Anna Schulz"))
			.contains(new InterviewSchedule.Slot(berlin(2027, 1, 15, 9, 0), null));
	}

	@Test
	void aScheduleWithRowsThatCannotBeTakenIsRefusedRowByRowInsteadOfDroppingThem() {
		Map<String, Object> both = new HashMap<>(open("Deniz Kaya", "deniz.kaya@stadt.de"));
		both.put("date", "2026-03-20");
		assertThat(InterviewSchedule.problems(Rows.of(List.of(
				row("Brigitte Immel", "brigitte.immel@stadt.de", "2026-03-12", "25:70", "Rathaus"),
				row("Dr. Jan Ohl", "", null, null, null),
				row("Carla Berg", "carla@stadt.de", "2026-03-16", "09:00", null),
				both,
				row("Erika Neu", "", "2026-03-20", "10:00", null))), EXPERTS, TODAY))
			.containsExactly(
					"Zeile 1 („Brigitte Immel“): „25:70“ ist keine Uhrzeit (SS:MM, z. B. 09:30).",
					"Zeile 2 („Dr. Jan Ohl“): Bitte das Datum angeben oder „Termin folgt“ ankreuzen.",
					"Zeile 3 („Carla Berg“): Die E-Mail-Adresse kommt aus der Auswahl und kann hier nicht geändert werden (ausgewählt: „keine“).",
					"Zeile 4 („Deniz Kaya“): „Termin folgt“ ist angekreuzt und zugleich ein Termin angegeben – bitte eins von beiden.",
					"Zeile 5 („Erika Neu“): „Erika Neu“ ist nicht ausgewählt. Die Zeilen kommen aus der Auswahl der Interviewpartner/innen.");
	}

	@Test
	void impossibleAndPastDaysAMissingTimeAndAMissingExpertAreNamed() {
		assertThat(InterviewSchedule.problems(Rows.of(List.of(
				row("Brigitte Immel", "brigitte.immel@stadt.de", "2026-02-31", "10:00", null),
				row("Dr. Jan Ohl", "", "2026-02-27", "10:00", null),
				row("Carla Berg", "", "2026-03-16", null, null))), EXPERTS, TODAY))
			.containsExactly(
					"Zeile 1 („Brigitte Immel“): „2026-02-31“ ist kein gültiges Datum.",
					"Zeile 2 („Dr. Jan Ohl“): Der Termin liegt in der Vergangenheit.",
					"Zeile 3 („Carla Berg“): Bitte die Uhrzeit angeben.",
					"„Deniz Kaya“ fehlt: bitte einen Termin angeben oder „Termin folgt“ ankreuzen.");
	}

	@Test
	void theFormOpensWithOneRowPerSelectedExpertKeepingWhatAnEarlierRoundSaid() {
		List<Map<String, Object>> rows = InterviewSchedule.rowsFor(EXPERTS.subList(0, 2),
				Rows.of(Rows.toVariable(List.of(row("Brigitte Immel", "alt@stadt.de", "2026-03-12", "10:00", "Rathaus")))));

		assertThat(rows).containsExactly(
				Map.of("name", "Brigitte Immel", "email", "brigitte.immel@stadt.de", "dateOpen", false, "date", "2026-03-12", "time", "10:00",
						"location", "Rathaus"),
				Map.of("name", "Dr. Jan Ohl", "email", "", "dateOpen", false));
	}

	private static Map<String, Object> row(String name, String email, String date, String time, String location) {
		return FormRows.interview(name, email, date, time, location);
	}

	private static Map<String, Object> open(String name, String email) {
		return FormRows.interviewOpen(name, email);
	}

	private static ZonedDateTime berlin(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneId.of("Europe/Berlin"));
	}

}
