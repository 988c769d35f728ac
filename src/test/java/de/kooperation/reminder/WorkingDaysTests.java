package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingDaysTests {

	WorkingDays workingDays = new WorkingDays();

	// Friday, 31 October 2025: Reformationstag
	LocalDate reformationDay = LocalDate.of(2025, 10, 31);

	@Test
	void reformationDayIsAHolidayInThuringiaAndLowerSaxonyButNotInRhinelandPalatinate() {
		assertThat(workingDays.isWorkingDay(reformationDay, "TH")).isFalse();
		assertThat(workingDays.isWorkingDay(reformationDay, "NI")).isFalse();
		assertThat(workingDays.isWorkingDay(reformationDay, "RP")).isTrue();
	}

	@Test
	void allSaintsIsAHolidayInRhinelandPalatinateButNotInThuringia() {
		LocalDate allSaints = LocalDate.of(2027, 11, 1); // a Monday
		assertThat(workingDays.isWorkingDay(allSaints, "RP")).isFalse();
		assertThat(workingDays.isWorkingDay(allSaints, "TH")).isTrue();
	}

	@Test
	void aDeadlineOnAHolidayMovesToTheNextWorkingDayOfThatState() {
		assertThat(workingDays.onOrAfter(reformationDay, "TH")).isEqualTo(LocalDate.of(2025, 11, 3));
		assertThat(workingDays.onOrAfter(reformationDay, "RP")).isEqualTo(reformationDay);
	}

	@Test
	void aReminderDayBeforeAHolidayWeekendMovesBackToTheLastWorkingDay() {
		LocalDate sunday = LocalDate.of(2025, 11, 2);
		assertThat(workingDays.onOrBefore(sunday, "TH")).isEqualTo(LocalDate.of(2025, 10, 30));
		assertThat(workingDays.onOrBefore(sunday, "RP")).isEqualTo(reformationDay);
	}

	@Test
	void countingWorkingDaysSkipsWeekendsAndHolidays() {
		assertThat(workingDays.plusWorkingDays(LocalDate.of(2025, 10, 30), 1, "NI")).isEqualTo(LocalDate.of(2025, 11, 3));
		assertThat(workingDays.plusWorkingDays(LocalDate.of(2025, 10, 30), 1, "RP")).isEqualTo(reformationDay);
	}

}
