package de.kooperation.analysis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.kooperation.KooperationApplication;

/**
 * The interview dates the Kommune agreed, as its contact types them into "Vereinbarte Termine (je
 * Zeile: Name – Datum, Uhrzeit, Ort)": e.g. "Carla Berg – 12.03.2026, 10:00 Uhr, Rathaus Raum 2".
 * The line naming an expert gives that expert's interview: the date (dd.mm.yyyy or yyyy-mm-dd),
 * the time after it (10:00 when none) and the rest as the place. A line without a readable date
 * gives nothing: the interview then has no invitation, as before.
 */
final class InterviewSchedule {

	private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

	private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})(\\s*Uhr)?");

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
				at = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
				tail = tail.substring(time.end());
			}
			String place = tail.replaceFirst("^[\\s,;–-]+", "").strip();
			return Optional.of(new Slot(day.atTime(at).atZone(ZoneId.of(KooperationApplication.ZONE)), place.isEmpty() ? null : place));
		}
		catch (DateTimeException e) {
			return Optional.empty();
		}
	}

}
