package de.kooperation.agreement;

import java.time.LocalDate;

/**
 * One row of the milestone plan (Zielvereinbarung, Anlage 2). The key stays the same from
 * version to version. {@code dueOn} is the deadline reminders follow; null means ongoing
 * ("ab 10/2016 lfd.") and is never reminded of.
 *
 * @param closed status "abgeschlossen" (else "offen")
 * @param fulfilledBy the task (definition key, see {@link MilestoneTasks}) whose completion for
 *        the Kommune closes the milestone; null: it is closed by hand
 */
public record Milestone(String key, String title, String purpose, String municipalityPart, String agencyPart, String period,
		LocalDate dueOn, boolean closed, String fulfilledBy) {

	/** A milestone that is closed by hand. */
	public Milestone(String key, String title, String purpose, String municipalityPart, String agencyPart, String period,
			LocalDate dueOn, boolean closed) {
		this(key, title, purpose, municipalityPart, agencyPart, period, dueOn, closed, null);
	}

	/** A new open milestone with only its title, closed by hand, as a row of the draft page before anything else is filled in. */
	public static Milestone titled(String title) {
		return new Milestone(Agreements.newKey("m-"), title, null, null, null, null, null, false);
	}

	public String statusLabel() {
		return closed ? "abgeschlossen" : "offen";
	}

	/** Open with a deadline before the given day. */
	public boolean lateOn(LocalDate today) {
		return !closed && dueOn != null && dueOn.isBefore(today);
	}

	public Milestone withClosed(boolean closed) {
		return new Milestone(key, title, purpose, municipalityPart, agencyPart, period, dueOn, closed, fulfilledBy);
	}

	public Milestone withKey(String key) {
		return new Milestone(key, title, purpose, municipalityPart, agencyPart, period, dueOn, closed, fulfilledBy);
	}

	/** What closes it, in German ("Ergebnisbericht erstellt"), or null when it is closed by hand. */
	public String fulfilmentLabel() {
		return MilestoneTasks.label(fulfilledBy).orElse(null);
	}

}
