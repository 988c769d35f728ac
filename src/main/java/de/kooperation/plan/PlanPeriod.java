package de.kooperation.plan;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * When an activity runs, in one year's column of the plan: the text as the Kommune wrote it and,
 * where one can be read from it, the range of days it means.
 *
 * @param year the plan's column (the year a month without a year belongs to)
 * @param text as written, e.g. "ab Oktober 2020 bis über Projektende hinaus."
 * @param start first day, null where the text names no date
 * @param end last day, null where open-ended or not derivable
 * @param openEnded true for "ab …" without an end, "laufend", "bis über Projektende hinaus"
 */
public record PlanPeriod(int year, String text, LocalDate start, LocalDate end, boolean openEnded) implements Serializable {

	/** Whether a date range could be read from the text. */
	public boolean derived() {
		return start != null;
	}

	/** The derived range for readers, TT.MM.JJJJ; empty where none could be read. */
	public String rangeLabel() {
		if (start == null) {
			return "";
		}
		return Dates.format(start) + " – " + (end != null ? Dates.format(end) : "offen");
	}

}
