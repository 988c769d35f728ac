package de.kooperation.agreement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** German dates for what users read. */
public final class Formats {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private Formats() {
	}

	/** "09.11.2026", or "–". */
	public static String day(LocalDate day) {
		return day == null ? "–" : DAY.format(day);
	}

}
