package de.kooperation.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

final class Dates {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private Dates() {
	}

	static String format(LocalDate day) {
		return day == null ? "" : DAY.format(day);
	}

}
