package de.kooperation.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One activity of the Kommune's plan: what is done, when (one period per year column, as
 * written), who on the Kommune's side is responsible, where it stands, and optionally the key
 * of the agreement's goal it serves.
 */
public record Activity(String id, String fieldId, int position, String title, String responsible, PlanStatus status,
		String goalKey, List<PlanPeriod> periods) {

	/** The first day of any period that could be read. */
	public LocalDate start() {
		return periods.stream().map(PlanPeriod::start).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
	}

	/** The last day of its periods; null where one is open-ended or none could be read. */
	public LocalDate end() {
		if (periods.stream().anyMatch(PlanPeriod::openEnded)) {
			return null;
		}
		return periods.stream().map(PlanPeriod::end).filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
	}

	public boolean openEnded() {
		return periods.stream().anyMatch(PlanPeriod::openEnded);
	}

	/** Late: its period has ended and it is not done. */
	public boolean lateOn(LocalDate today) {
		LocalDate end = end();
		return status != PlanStatus.DONE && end != null && end.isBefore(today);
	}

	/** The period written in the given year's column, if any. */
	public Optional<PlanPeriod> periodIn(int year) {
		return periods.stream().filter(period -> period.year() == year).findFirst();
	}

	/** The text of the given year's column, empty where none. */
	public String periodText(int year) {
		return periodIn(year).map(PlanPeriod::text).orElse("");
	}

}
