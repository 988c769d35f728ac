package de.kooperation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The interview dates as a Kommune's contact types them, one line per expert. */
class InterviewScheduleTests {

	static final String SCHEDULE = """
			Brigitte Immel – 12.03.2026, 10:00 Uhr, Rathaus, Raum 2
			dr. jan ohl - 2026-03-13 14.30 Jugendamt
			Carla Berg: 16.3.2026
			Deniz Kaya – Termin folgt
			""";

	@Test
	void aLineGivesItsExpertsDayTimeAndPlace() {
		assertThat(InterviewSchedule.of(SCHEDULE, "Brigitte Immel"))
			.contains(new InterviewSchedule.Slot(berlin(2026, 3, 12, 10, 0), "Rathaus, Raum 2"));
		assertThat(InterviewSchedule.of(SCHEDULE, "Dr. Jan Ohl"))
			.contains(new InterviewSchedule.Slot(berlin(2026, 3, 13, 14, 30), "Jugendamt"));
	}

	@Test
	void withoutATimeTheInterviewIsAtTenAndWithoutADateThereIsNone() {
		assertThat(InterviewSchedule.of(SCHEDULE, "Carla Berg")).contains(new InterviewSchedule.Slot(berlin(2026, 3, 16, 10, 0), null));
		assertThat(InterviewSchedule.of(SCHEDULE, "Deniz Kaya")).isEmpty();
		assertThat(InterviewSchedule.of(SCHEDULE, "Nicht Genannt")).isEmpty();
		assertThat(InterviewSchedule.of("Brigitte Immel – 31.02.2026", "Brigitte Immel")).isEmpty();
		assertThat(InterviewSchedule.of(null, "Brigitte Immel")).isEmpty();
	}

	@Test
	void nineOClockIsNineNotTen() {
		assertThat(InterviewSchedule.of("Dr. Anna Schulz – 15.01.2027, 9 Uhr", "Dr. Anna Schulz"))
			.contains(new InterviewSchedule.Slot(berlin(2027, 1, 15, 9, 0), null));
	}

	@Test
	void aScheduleWithLinesThatCannotBeReadIsRefusedLineByLineInsteadOfDroppingThem() {
		List<String> experts = List.of("Brigitte Immel", "Dr. Jan Ohl", "Carla Berg", "Deniz Kaya");
		assertThat(InterviewSchedule.problems(SCHEDULE, experts)).as("the example schedule reads").isEmpty();

		assertThat(InterviewSchedule.problems("""
				Brigitte Immel – 12.03.2026, 25:70 Uhr, Rathaus
				Dr. Jan Ohl – nächste Woche
				Carla Berg – 31.02.2026
				alle anderen am 20.03.2026
				Bitte vorher im Sekretariat melden.
				""", experts))
			.containsExactly(
					"Zeile 1 („Brigitte Immel – 12.03.2026, 25:70 Uhr, Rathaus“): „25:70 Uhr“ ist keine Uhrzeit (hh:mm, z. B. 09:30 Uhr).",
					"Zeile 2 („Dr. Jan Ohl – nächste Woche“): Kein Datum zu erkennen (TT.MM.JJJJ, hh:mm Uhr, Ort). Steht der Termin noch "
							+ "nicht fest, schreiben Sie „Termin folgt“.",
					"Zeile 3 („Carla Berg – 31.02.2026“): Das Datum gibt es nicht (TT.MM.JJJJ).",
					"Zeile 4 („alle anderen am 20.03.2026“): Bitte die Person aus der Auswahl nennen, eine Zeile je Person, z. B. "
							+ "„Brigitte Immel – 22.02.2027, 14:30 Uhr, Rathaus“.");
	}

	private static ZonedDateTime berlin(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneId.of("Europe/Berlin"));
	}

}
