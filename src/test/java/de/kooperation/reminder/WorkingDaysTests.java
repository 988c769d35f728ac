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

	@Test
	void theOfficesAreClosedOnChristmasEveAndNewYearsEveByDefault() {
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 12, 24), "RP")).isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 12, 31), "TH")).isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 12, 30), "TH")).isTrue();
		// due on New Year's Eve: after the holiday and the weekend
		assertThat(workingDays.onOrAfter(LocalDate.of(2026, 12, 31), "TH")).isEqualTo(LocalDate.of(2027, 1, 4));
	}

	@Test
	void closureDaysAreConfigurable_everyYearOrOnce() {
		WorkingDays bridgeDay = new WorkingDays(new String[] { "24.12.", "31.12.", "27.12.2027", " " });
		assertThat(bridgeDay.isWorkingDay(LocalDate.of(2027, 12, 27), "NI")).isFalse();
		assertThat(bridgeDay.isWorkingDay(LocalDate.of(2027, 12, 28), "NI")).isTrue();
		assertThat(bridgeDay.isWorkingDay(LocalDate.of(2028, 12, 27), "NI")).isTrue();
		WorkingDays none = new WorkingDays(new String[0]);
		assertThat(none.isWorkingDay(LocalDate.of(2026, 12, 31), "TH")).isTrue();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WorkingDays(new String[] { "31.13." }))
			.hasMessageContaining("office-closure-days");
	}

}
