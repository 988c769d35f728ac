package de.kooperation.reminder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Working days of a Kommune: Monday to Friday without the public holidays of its federal state
 * (ISO 3166-2 code without "DE-", e.g. TH, NI, RP). Holidays come from jollyday, so a law that
 * adds a holiday (Reformationstag in Niedersachsen since 2018) is a library update, not our code.
 */
@Component("workingDays")
public class WorkingDays {

	private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));

	public boolean isWorkingDay(LocalDate day, String federalState) {
		DayOfWeek weekday = day.getDayOfWeek();
		if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
			return false;
		}
		return federalState == null || federalState.isBlank()
				? !holidays.isHoliday(day)
				: !holidays.isHoliday(day, federalState.toLowerCase(Locale.ROOT));
	}

	/** The day itself if it is a working day, else the next working day after it. */
	public LocalDate onOrAfter(LocalDate day, String federalState) {
		LocalDate candidate = day;
		while (!isWorkingDay(candidate, federalState)) {
			candidate = candidate.plusDays(1);
		}
		return candidate;
	}

	/** The day itself if it is a working day, else the last working day before it. */
	public LocalDate onOrBefore(LocalDate day, String federalState) {
		LocalDate candidate = day;
		while (!isWorkingDay(candidate, federalState)) {
			candidate = candidate.minusDays(1);
		}
		return candidate;
	}

	/** Counts working days forward (positive) or backward (negative) from a day. */
	public LocalDate plusWorkingDays(LocalDate day, int workingDays, String federalState) {
		LocalDate candidate = day;
		int step = workingDays >= 0 ? 1 : -1;
		for (int left = Math.abs(workingDays); left > 0;) {
			candidate = candidate.plusDays(step);
			if (isWorkingDay(candidate, federalState)) {
				left--;
			}
		}
		return candidate;
	}

}
