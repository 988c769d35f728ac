package de.kooperation.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a review or strategy meeting decided about the Kommune's plan, typed one line per decision
 * into the form that records the meeting: the activity's number as the Zeitplan shows it, then its
 * new status ("2.1: erledigt"), or a year and that year's new period as the Kommune writes periods
 * ("3.2, 2021: ab März bis Juni"; "3.2, 2020: –" empties that year's column). Read against the plan
 * as a whole: any line that cannot be taken is named, and then none is taken.
 */
final class MeetingDecisions {

	/** "2.1: erledigt", "3.2, 2021: ab März"; the colon separates, since periods contain dashes. */
	private static final Pattern LINE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\s*(?:,\\s*(\\d{4}))?\\s*:\\s*(.*)");

	/** Written into a year's column, these empty it. */
	private static final List<String> EMPTY = List.of("-", "–", "—", "leer");

	static final String EXAMPLE = "„2.1: erledigt“ oder „3.2, 2021: ab März bis Juni“";

	/** An activity's new state: its status and its periods, as decided. */
	record Change(Activity activity, PlanStatus status, List<PlanPeriod> periods) {
	}

	/** The changes to apply, or the problems (German, by line) when any line cannot be taken. */
	record Reading(List<Change> changes, List<String> problems) {
	}

	private MeetingDecisions() {
	}

	static Reading read(String text, Plan plan) {
		List<String> problems = new ArrayList<>();
		Map<String, Activity> byNumber = new HashMap<>();
		plan.fields().forEach(field -> field.activities()
			.forEach(activity -> byNumber.put(field.position() + "." + activity.position(), activity)));
		Map<String, PlanStatus> statuses = new LinkedHashMap<>();
		Map<String, Map<Integer, PlanPeriod>> periods = new LinkedHashMap<>();
		Map<String, Integer> decidedIn = new HashMap<>();
		String[] lines = text.split("\\R");
		for (int index = 0; index < lines.length; index++) {
			String line = lines[index].strip();
			if (line.isEmpty()) {
				continue;
			}
			String where = "Zeile " + (index + 1) + " („" + TimelineChart.shortened(line, 60) + "“): ";
			Matcher parts = LINE.matcher(line);
			if (!parts.matches()) {
				problems.add(where + "bitte erst die Nummer der Maßnahme wie im Zeitplan, dann einen Doppelpunkt, z. B. " + EXAMPLE + ".");
				continue;
			}
			String number = Integer.parseInt(parts.group(1)) + "." + Integer.parseInt(parts.group(2));
			Activity activity = byNumber.get(number);
			if (activity == null) {
				problems.add(where + "Eine Maßnahme " + number + " gibt es im Zeitplan nicht.");
				continue;
			}
			String value = parts.group(4).strip();
			String decision = parts.group(3) == null ? number : number + ", " + parts.group(3);
			Integer earlier = decidedIn.putIfAbsent(decision, index + 1);
			if (earlier != null) {
				problems.add(where + "Für " + (parts.group(3) == null ? "den Status der Maßnahme " + number : "Maßnahme " + decision)
						+ " steht schon ein Beschluss in Zeile " + earlier + ".");
				continue;
			}
			if (parts.group(3) == null) {
				Optional<PlanStatus> status = PlanStatus.of(value);
				if (status.isEmpty()) {
					problems.add(where + "„" + TimelineChart.shortened(value, 30)
							+ "“ ist kein Status; bitte geplant, läuft, erledigt oder verschoben, oder ein Jahr vor dem Doppelpunkt für einen neuen Zeitraum.");
					continue;
				}
				statuses.put(activity.id(), status.get());
				continue;
			}
			int year = Integer.parseInt(parts.group(3));
			if (!plan.years().contains(year)) {
				problems.add(where + year + " ist kein Jahr des Zeitplans (" + plan.firstYear() + "–" + plan.lastYear() + ").");
				continue;
			}
			Map<Integer, PlanPeriod> columns = periods.computeIfAbsent(activity.id(), id -> new LinkedHashMap<>());
			if (value.isEmpty() || EMPTY.contains(value.toLowerCase(Locale.GERMAN))) {
				columns.put(year, null);
				continue;
			}
			if (value.length() > Plans.PERIOD_MAX) {
				problems.add(where + "Der Zeitraum hat mehr als " + Plans.PERIOD_MAX + " Zeichen.");
				continue;
			}
			PlanPeriod period = PeriodReader.read(value, year, plan.projectEnd());
			if (period.end() != null && period.end().isBefore(period.start())) {
				problems.add(where + "Das Ende liegt vor dem Beginn.");
				continue;
			}
			columns.put(year, period);
		}
		if (!problems.isEmpty()) {
			return new Reading(List.of(), problems);
		}
		List<Change> changes = new ArrayList<>();
		for (Activity activity : plan.activities()) {
			if (!statuses.containsKey(activity.id()) && !periods.containsKey(activity.id())) {
				continue;
			}
			Map<Integer, PlanPeriod> columns = new LinkedHashMap<>();
			activity.periods().forEach(period -> columns.put(period.year(), period));
			periods.getOrDefault(activity.id(), Map.of()).forEach((year, period) -> {
				if (period == null) {
					columns.remove(year);
				}
				else {
					columns.put(year, period);
				}
			});
			changes.add(new Change(activity, statuses.getOrDefault(activity.id(), activity.status()),
					columns.values().stream().sorted(Comparator.comparingInt(PlanPeriod::year)).toList()));
		}
		return new Reading(changes, List.of());
	}

}
