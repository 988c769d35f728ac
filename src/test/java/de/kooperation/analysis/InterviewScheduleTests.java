package de.kooperation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

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

	private static ZonedDateTime berlin(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneId.of("Europe/Berlin"));
	}

}
