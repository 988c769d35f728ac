package de.kooperation.analysis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import de.kooperation.shared.Zone;


/**
 * The interview dates the Kommune agreed, as its contact types them into "Vereinbarte Termine (je
 * Zeile: Name – Datum, Uhrzeit, Ort)": e.g. "Carla Berg – 12.03.2026, 10:00 Uhr, Rathaus Raum 2".
 * The line naming an expert gives that expert's interview: the date (dd.mm.yyyy or yyyy-mm-dd),
 * the time after it (10:00 when none) and the rest as the place. A line saying the day is still open
 * ("Termin folgt") gives nothing: that interview has no invitation yet. Anything else the schedule's
 * check ({@link #problems}) refuses before the task is completed, naming the line.
 */
final class InterviewSchedule {

	private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

	private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	/** 14:30, 14.30, 14:30 Uhr, 9 Uhr. */
	private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2})(\\s*Uhr)?|\\s*Uhr)");

	/** Words that say the day is not agreed yet ("Termin folgt"): such a line gives no invitation, on purpose. */
	private static final Pattern OPEN = Pattern.compile("folgt|offen|noch nicht|steht aus|unbekannt", Pattern.CASE_INSENSITIVE);

	private static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);

	record Slot(ZonedDateTime start, String location) {
	}

	private InterviewSchedule() {
	}

	static Optional<Slot> of(Object schedule, String expertName) {
		if (schedule == null || expertName == null || expertName.isBlank()) {
			return Optional.empty();
		}
		String name = expertName.toLowerCase(Locale.GERMAN);
		for (String line : schedule.toString().split("\\R")) {
			int at = line.toLowerCase(Locale.GERMAN).indexOf(name);
			if (at >= 0) {
				return slot(line.substring(at + name.length()));
			}
		}
		return Optional.empty();
	}

	/**
	 * What the contact must correct before the schedule is taken, line by line: a line that names a
	 * selected expert gives a real day (and time, if any), or says that the day is still open
	 * ("Termin folgt"); a line with a day names the expert it is for. Lines naming nobody and no day
	 * are notes. Empty when the schedule can be taken as it is, so nothing is dropped unnoticed.
	 */
	static List<String> problems(Object schedule, List<String> expertNames) {
		List<String> problems = new ArrayList<>();
		if (schedule == null) {
			return problems;
		}
		String[] lines = schedule.toString().split("\\R");
		for (int number = 1; number <= lines.length; number++) {
			String line = lines[number - 1].strip();
			String lower = line.toLowerCase(Locale.GERMAN);
			String expert = expertNames.stream().filter(name -> !name.isBlank() && lower.contains(name.toLowerCase(Locale.GERMAN)))
				.findFirst().orElse(null);
			boolean dated = GERMAN_DATE.matcher(line).find() || ISO_DATE.matcher(line).find();
			String prefix = "Zeile " + number + " („" + abbreviate(line) + "“): ";
			if (expert == null) {
				if (dated) {
					problems.add(prefix + "Bitte die Person aus der Auswahl nennen, eine Zeile je Person, z. B. „"
							+ (expertNames.isEmpty() ? "Carla Berg" : expertNames.get(0)) + " – 22.02.2027, 14:30 Uhr, Rathaus“.");
				}
				continue;
			}
			String rest = line.substring(lower.indexOf(expert.toLowerCase(Locale.GERMAN)) + expert.length());
			if (!dated) {
				if (!OPEN.matcher(rest).find()) {
					problems.add(prefix + "Kein Datum zu erkennen (TT.MM.JJJJ, hh:mm Uhr, Ort). Steht der Termin noch nicht fest, "
							+ "schreiben Sie „Termin folgt“.");
				}
				continue;
			}
			Matcher time = TIME.matcher(rest.replaceAll(GERMAN_DATE.pattern() + "|" + ISO_DATE.pattern(), " "));
			if (time.find() && (Integer.parseInt(time.group(1)) > 23 || (time.group(2) != null && Integer.parseInt(time.group(2)) > 59))) {
				problems.add(prefix + "„" + time.group().strip() + "“ ist keine Uhrzeit (hh:mm, z. B. 09:30 Uhr).");
			}
			else if (slot(rest).isEmpty()) {
				problems.add(prefix + "Das Datum gibt es nicht (TT.MM.JJJJ).");
			}
		}
		return problems;
	}

	private static String abbreviate(String line) {
		return line.length() <= 60 ? line : line.substring(0, 59) + "…";
	}

	private static Optional<Slot> slot(String rest) {
		Matcher german = GERMAN_DATE.matcher(rest);
		Matcher iso = ISO_DATE.matcher(rest);
		LocalDate day;
		int after;
		try {
			if (german.find()) {
				day = LocalDate.of(Integer.parseInt(german.group(3)), Integer.parseInt(german.group(2)), Integer.parseInt(german.group(1)));
				after = german.end();
			}
			else if (iso.find()) {
				day = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
				after = iso.end();
			}
			else {
				return Optional.empty();
			}
			String tail = rest.substring(after);
			Matcher time = TIME.matcher(tail);
			LocalTime at = DEFAULT_TIME;
			if (time.find() && tail.substring(0, time.start()).replaceAll("[\\s,;–-]|um", "").isEmpty()) {
				at = LocalTime.of(Integer.parseInt(time.group(1)), time.group(2) == null ? 0 : Integer.parseInt(time.group(2)));
				tail = tail.substring(time.end());
			}
			String place = tail.replaceFirst("^[\\s,;–-]+", "").strip();
			return Optional.of(new Slot(day.atTime(at).atZone(ZoneId.of(Zone.ID)), place.isEmpty() ? null : place));
		}
		catch (DateTimeException e) {
			return Optional.empty();
		}
	}

}
