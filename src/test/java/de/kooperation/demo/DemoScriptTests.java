package de.kooperation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.reminder.WorkingDays;

/** The demo's dates, relative to the day the demo starts. */
class DemoScriptTests {

	final WorkingDays workingDays = new WorkingDays();

	@Test
	void nienburgsSondierungAndEisenachsPastMeetingFallOnWorkingDays_notOnTheWeekendOf2026() {
		LocalDate today = LocalDate.of(2026, 12, 1);
		LocalDate nienburg = LocalDate.parse(meetingDay(DemoScript.NIENBURG, today));
		LocalDate eisenach = LocalDate.parse(meetingDay(DemoScript.EISENACH, today));

		assertThat(nienburg.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(nienburg).isAfter(today).isNotEqualTo(LocalDate.of(2027, 1, 30));
		assertThat(eisenach.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(eisenach).isBefore(today).isNotEqualTo(LocalDate.of(2026, 11, 1));
	}

	@Test
	void everyDemoDateIsAWorkingDayOfItsKommune_whicheverDayTheDemoStarts() {
		for (LocalDate today = LocalDate.of(2026, 1, 1); today.getYear() < 2028; today = today.plusDays(1)) {
			for (DemoScript.DemoMunicipality kommune : DemoScript.MUNICIPALITIES) {
				String state = kommune.municipality().federalState();
				assertThat(workingDays.isWorkingDay(DemoScript.signingDay(kommune, today), state)).as("signing %s", today).isTrue();
				for (Map.Entry<String, Map<String, Object>> task : DemoScript.answers(kommune, today).entrySet()) {
					for (Map.Entry<String, Object> answer : task.getValue().entrySet()) {
						if (!answer.getKey().endsWith("Date")) {
							continue;
						}
						LocalDate day = LocalDate.parse(answer.getValue().toString());
						assertThat(workingDays.isWorkingDay(day, state))
							.as("%s of %s when the demo starts on %s: %s", answer.getKey(), kommune.id(), today, day).isTrue();
					}
				}
			}
		}
	}

	private static String meetingDay(DemoScript.DemoMunicipality kommune, LocalDate today) {
		return DemoScript.answers(kommune, today).get(CollaborationProcess.Elements.SCHEDULE_EXPLORATORY_MEETING)
			.get("exploratoryMeetingDate").toString();
	}

}
