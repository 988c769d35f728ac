package de.kooperation.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the range of days from a period as Kommunen write it in their plans (seed 001): "Sep",
 * "Beginn: Juni bis Dezember", "ab Juni 2019 bis Projektende", "ab 2020 bis Projektende",
 * "ab Oktober 2020 bis über Projektende hinaus", "im Rahmen der Arbeitsgruppenarbeit ab
 * Dezember; Aktualisierung im Projektverlauf", "03/2020 – 06/2020". A month without a year
 * belongs to a year named next to it, else to the column's year. Text with no month and no
 * year yields no range; the text itself is always kept.
 */
public final class PeriodReader {

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
			Map.entry("mär", 3), Map.entry("mar", 3), Map.entry("mrz", 3), Map.entry("apr", 4), Map.entry("mai", 5),
			Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("okt", 10),
			Map.entry("nov", 11), Map.entry("dez", 12));

	private static final Pattern TOKENS = Pattern.compile("(?iU)"
			+ "(?<beyond>über\\s+(?:das\\s+)?Projektende\\s+hinaus)"
			+ "|(?<end>Projektende)(?:\\s+(?<endYear>(?:19|20)\\d{2}))?"
			+ "|(?<![\\p{L}])(?<month>Januar|Jan|Februar|Feb|März|Mär|Maerz|Mrz|April|Apr|Mai|Juni|Jun|Juli|Jul|August|Aug|September|Sept|Sep"
			+ "|Oktober|Okt|November|Nov|Dezember|Dez)\\.?(?![\\p{L}])(?:\\s+(?<monthYear>(?:19|20)\\d{2})(?!\\d))?"
			+ "|(?<!\\d)(?<numMonth>0?[1-9]|1[0-2])[./](?<numYear>(?:19|20)\\d{2})(?!\\d)"
			+ "|(?<!\\d)(?<year>(?:19|20)\\d{2})(?!\\d)"
			+ "|(?<![\\p{L}])(?<until>bis)(?![\\p{L}])|\\s[–-]\\s"
			+ "|(?<![\\p{L}])(?<from>ab|seit)(?![\\p{L}])"
			+ "|(?<![\\p{L}])(?<ongoing>laufend|fortlaufend|fortlaufende|dauerhaft)(?![\\p{L}])");

	private PeriodReader() {
	}

	/** A date named in the text, as a month or a whole year; {@code projectEnd} for "Projektende". */
	private record Point(YearMonth month, Integer year, boolean projectEnd, boolean afterUntil, boolean yearGiven) {

		LocalDate first(LocalDate projectEndDay) {
			return month != null ? month.atDay(1) : year != null ? LocalDate.of(year, 1, 1) : null;
		}

		LocalDate last(LocalDate projectEndDay) {
			if (projectEnd) {
				return year != null ? LocalDate.of(year, 12, 31) : projectEndDay;
			}
			return month != null ? month.atEndOfMonth() : LocalDate.of(year, 12, 31);
		}

	}

	/**
	 * @param text as written
	 * @param columnYear the plan's year column the text stands in
	 * @param projectEnd the last day of the project ("bis Projektende")
	 */
	public static PlanPeriod read(String text, int columnYear, LocalDate projectEnd) {
		List<Point> points = new ArrayList<>();
		List<Integer> monthsWithoutYear = new ArrayList<>();
		boolean beyond = false;
		boolean from = false;
		boolean ongoing = false;
		boolean until = false;
		Matcher matcher = TOKENS.matcher(text);
		while (matcher.find()) {
			if (matcher.group("beyond") != null) {
				beyond = true;
			}
			else if (matcher.group("end") != null) {
				Integer year = matcher.group("endYear") == null ? null : Integer.valueOf(matcher.group("endYear"));
				points.add(new Point(null, year, true, until, year != null));
			}
			else if (matcher.group("month") != null) {
				int month = MONTHS.get(matcher.group("month").substring(0, 3).toLowerCase(Locale.GERMAN).replace("mae", "mär"));
				boolean given = matcher.group("monthYear") != null;
				int year = given ? Integer.parseInt(matcher.group("monthYear")) : columnYear;
				if (!given) {
					monthsWithoutYear.add(points.size());
				}
				points.add(new Point(YearMonth.of(year, month), null, false, until, given));
			}
			else if (matcher.group("numMonth") != null) {
				points.add(new Point(YearMonth.of(Integer.parseInt(matcher.group("numYear")), Integer.parseInt(matcher.group("numMonth"))),
						null, false, until, true));
			}
			else if (matcher.group("year") != null) {
				points.add(new Point(null, Integer.valueOf(matcher.group("year")), false, until, true));
			}
			else if (matcher.group("from") != null) {
				from = true;
			}
			else if (matcher.group("ongoing") != null) {
				ongoing = true;
			}
			else {
				until = true;
			}
		}
		inferYears(points, monthsWithoutYear);
		Point start = points.stream().filter(point -> !point.projectEnd()).findFirst().orElse(null);
		if (start == null && ongoing) {
			// "laufend" in a year's column: from that year on
			return new PlanPeriod(columnYear, text, LocalDate.of(columnYear, 1, 1), null, true);
		}
		if (start == null) {
			return new PlanPeriod(columnYear, text, null, null, false);
		}
		LocalDate first = start.first(projectEnd);
		Point last = points.get(points.size() - 1);
		if (beyond || (last == start && (from || ongoing))) {
			return new PlanPeriod(columnYear, text, first, null, true);
		}
		if (ongoing && !until) {
			return new PlanPeriod(columnYear, text, first, null, true);
		}
		return new PlanPeriod(columnYear, text, first, last.last(projectEnd), false);
	}

	/** "Juni bis Dezember 2019": a month without a year takes the year of the month named after it. */
	private static void inferYears(List<Point> points, List<Integer> monthsWithoutYear) {
		for (int index : monthsWithoutYear) {
			Point point = points.get(index);
			Integer named = null;
			for (int next = index + 1; next < points.size() && named == null; next++) {
				Point candidate = points.get(next);
				if (candidate.yearGiven() && !candidate.projectEnd()) {
					named = candidate.month() != null ? candidate.month().getYear() : candidate.year();
				}
			}
			for (int before = index - 1; before >= 0 && named == null; before--) {
				Point candidate = points.get(before);
				if (candidate.yearGiven() && !candidate.projectEnd()) {
					named = candidate.month() != null ? candidate.month().getYear() : candidate.year();
				}
			}
			if (named != null) {
				points.set(index, new Point(YearMonth.of(named, point.month().getMonthValue()), null, false, point.afterUntil(), false));
			}
		}
	}

}
