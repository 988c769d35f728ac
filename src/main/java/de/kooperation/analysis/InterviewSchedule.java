package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Vars.DATE;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.DATE_OPEN;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EMAIL;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.LOCATION;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.NAME;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.TIME;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import de.kooperation.shared.Zone;

import de.kooperation.analysis.ExpertList.Expert;
import de.kooperation.form.FormRules;
import de.kooperation.form.Rows;

/**
 * The interview dates the Kommune agreed, one row per selected expert in "Interviewtermine
 * vereinbaren": the expert's name and e-mail (from the selection, not to be changed there), the day
 * (date picker), the time (time picker) and the place, or "Termin folgt" when the day is still open.
 * A row is taken exactly as entered: the invitation goes out for that day and time, to that address;
 * anything that cannot be taken so ({@link #problems}) refuses the completion with the row named.
 */
final class InterviewSchedule {

	static final int MAX_LOCATION_LENGTH = 200;

	private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

	private static final Pattern TIME_OF_DAY = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");

	private static final List<String> ROW_KEYS = List.of(NAME, EMAIL, DATE, TIME, LOCATION);

	record Slot(ZonedDateTime start, String location) {
	}

	private InterviewSchedule() {
	}

	/**
	 * The rows the form opens with: one per selected expert, in the selection's order, with what an
	 * earlier schedule (a task opened again) already said for that expert.
	 */
	static List<Map<String, Object>> rowsFor(List<Expert> experts, List<Map<String, Object>> before) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Expert expert : experts) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(NAME, expert.name());
			row.put(EMAIL, expert.email());
			row.put(DATE_OPEN, false);
			if (before != null) {
				before.stream().filter(old -> old != null && expert.name().equalsIgnoreCase(Rows.text(old, NAME))).findFirst()
					.ifPresent(old -> List.of(DATE_OPEN, DATE, TIME, LOCATION).forEach(key -> {
						if (old.get(key) != null) {
							row.put(key, old.get(key));
						}
					}));
			}
			rows.add(row);
		}
		return rows;
	}

	/** The agreed day, time and place of an expert's interview; empty while the day is open. */
	static Optional<Slot> of(List<Map<String, Object>> rows, String expertName) {
		if (rows == null || expertName == null || expertName.isBlank()) {
			return Optional.empty();
		}
		return rows.stream().filter(row -> row != null && expertName.equalsIgnoreCase(Rows.text(row, NAME))).findFirst()
			.filter(row -> !Boolean.TRUE.equals(row.get(DATE_OPEN)))
			.flatMap(InterviewSchedule::slot);
	}

	/**
	 * What the contact must correct before the schedule is taken, row by row: each selected expert has
	 * one row, with the name and e-mail of the selection, and either a real day and time not in the
	 * past or "Termin folgt" (not both). Empty when every row can be taken as entered.
	 */
	static List<String> problems(List<Map<String, Object>> rows, List<Expert> experts, LocalDate today) {
		if (rows == null) {
			return List.of("Die Termine müssen als Liste von Zeilen kommen, eine je Interviewpartner/in.");
		}
		List<String> problems = new ArrayList<>();
		Map<String, Integer> rowOfName = new HashMap<>();
		for (int index = 0; index < rows.size(); index++) {
			Map<String, Object> row = rows.get(index);
			String prefix = Rows.name(index, row, ROW_KEYS) + ": ";
			String name = Rows.text(row, NAME);
			Expert expert = experts.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst().orElse(null);
			if (expert == null) {
				problems.add(prefix + (name.isEmpty() ? "Der Name fehlt." : "„" + FormRules.abbreviate(name) + "“ ist nicht ausgewählt.")
						+ " Die Zeilen kommen aus der Auswahl der Interviewpartner/innen.");
				continue;
			}
			Integer earlier = rowOfName.putIfAbsent(name.toLowerCase(Locale.GERMAN), index + 1);
			if (earlier != null) {
				problems.add(prefix + "„" + expert.name() + "“ steht schon in Zeile " + earlier + ".");
				continue;
			}
			if (!expert.email().equals(Rows.text(row, EMAIL))) {
				problems.add(prefix + "Die E-Mail-Adresse kommt aus der Auswahl und kann hier nicht geändert werden (ausgewählt: „"
						+ (expert.email().isEmpty() ? "keine" : expert.email()) + "“).");
				continue;
			}
			rowProblem(row, today).ifPresent(problem -> problems.add(prefix + problem));
		}
		experts.stream().filter(expert -> !rowOfName.containsKey(expert.name().toLowerCase(Locale.GERMAN)))
			.forEach(expert -> problems.add("„" + expert.name() + "“ fehlt: bitte einen Termin angeben oder „Termin folgt“ ankreuzen."));
		return problems;
	}

	private static Optional<String> rowProblem(Map<String, Object> row, LocalDate today) {
		String date = Rows.text(row, DATE);
		String time = Rows.text(row, TIME);
		String location = Rows.text(row, LOCATION);
		if (location.length() > MAX_LOCATION_LENGTH) {
			return Optional.of("Der Ort ist zu lang (höchstens " + MAX_LOCATION_LENGTH + " Zeichen).");
		}
		if (Boolean.TRUE.equals(row.get(DATE_OPEN))) {
			return date.isEmpty() && time.isEmpty() ? Optional.empty()
					: Optional.of("„Termin folgt“ ist angekreuzt und zugleich ein Termin angegeben – bitte eins von beiden.");
		}
		if (date.isEmpty()) {
			return Optional.of("Bitte das Datum angeben oder „Termin folgt“ ankreuzen.");
		}
		LocalDate day = day(date);
		if (day == null) {
			return Optional.of("„" + FormRules.abbreviate(date) + "“ ist kein gültiges Datum.");
		}
		if (!FormRules.plausible(day)) {
			return Optional.of("Das Datum liegt außerhalb des sinnvollen Bereichs (2000 bis 2100).");
		}
		if (day.isBefore(today)) {
			return Optional.of("Der Termin liegt in der Vergangenheit.");
		}
		if (time.isEmpty()) {
			return Optional.of("Bitte die Uhrzeit angeben.");
		}
		if (!TIME_OF_DAY.matcher(time).matches()) {
			return Optional.of("„" + FormRules.abbreviate(time) + "“ ist keine Uhrzeit (SS:MM, z. B. 09:30).");
		}
		return Optional.empty();
	}

	private static Optional<Slot> slot(Map<String, Object> row) {
		LocalDate day = day(Rows.text(row, DATE));
		String time = Rows.text(row, TIME);
		if (day == null || !TIME_OF_DAY.matcher(time).matches()) {
			return Optional.empty();
		}
		String place = Rows.text(row, LOCATION);
		return Optional.of(new Slot(day.atTime(LocalTime.parse(time)).atZone(ZoneId.of(Zone.ID)),
				place.isEmpty() ? null : place));
	}

	private static LocalDate day(String text) {
		if (!ISO_DATE.matcher(text).matches()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeException e) {
			return null;
		}
	}

}
