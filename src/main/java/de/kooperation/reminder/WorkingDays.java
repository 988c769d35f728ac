package de.kooperation.reminder;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Working days of a Kommune: Monday to Friday without the public holidays of its federal state
 * (ISO 3166-2 code without "DE-", e.g. TH, NI, RP) and without the office closure days
 * ({@code kooperation.office-closure-days}, by default 24.12. and 31.12., when most
 * administrations are closed). Holidays come from jollyday, so a law that adds a holiday
 * (Reformationstag in Niedersachsen since 2018) is a library update, not our code.
 */
@Component("workingDays")
public class WorkingDays {

	/** Office closure days when none are configured: Heiligabend and Silvester. */
	static final String[] DEFAULT_CLOSURE_DAYS = { "24.12.", "31.12." };

	private static final Pattern EVERY_YEAR = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.");

	private static final Pattern ONE_DAY = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

	private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));

	private final Set<MonthDay> closedEveryYear = new HashSet<>();

	private final Set<LocalDate> closedOnce = new HashSet<>();

	/** With the default closure days (24.12. and 31.12.). */
	public WorkingDays() {
		this(DEFAULT_CLOSURE_DAYS);
	}

	/**
	 * @param closureDays days the offices are closed: "TT.MM." every year, or "TT.MM.JJJJ" once
	 */
	@Autowired
	public WorkingDays(@Value("${kooperation.office-closure-days:24.12.,31.12.}") String[] closureDays) {
		for (String entry : closureDays) {
			String text = entry.strip();
			if (text.isEmpty()) {
				continue;
			}
			Matcher once = ONE_DAY.matcher(text);
			Matcher yearly = EVERY_YEAR.matcher(text);
			try {
				if (once.matches()) {
					closedOnce.add(LocalDate.of(Integer.parseInt(once.group(3)), Integer.parseInt(once.group(2)),
							Integer.parseInt(once.group(1))));
				}
				else if (yearly.matches()) {
					closedEveryYear.add(MonthDay.of(Integer.parseInt(yearly.group(2)), Integer.parseInt(yearly.group(1))));
				}
				else {
					throw new IllegalArgumentException(text);
				}
			}
			catch (DateTimeException | IllegalArgumentException e) {
				throw new IllegalArgumentException("kooperation.office-closure-days: '" + text
						+ "' is neither TT.MM. (every year) nor TT.MM.JJJJ (once)", e);
			}
		}
	}

	public boolean isWorkingDay(LocalDate day, String federalState) {
		DayOfWeek weekday = day.getDayOfWeek();
		if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
			return false;
		}
		if (closedEveryYear.contains(MonthDay.from(day)) || closedOnce.contains(day)) {
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
