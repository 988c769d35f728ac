package de.kooperation.reminder;

/** What a mail is about. */
enum ReminderKind {

	/** n days before the due day (n from configuration; the suffix is stored, e.g. BEFORE_7). */
	BEFORE,
	/** on the due day */
	DUE,
	/** the first working day after the due day */
	OVERDUE,
	/** once, to the party's leadership, after the configured number of working days overdue */
	ESCALATION,
	/** the weekly digest of a user who prefers it */
	DIGEST;

	static String before(int days) {
		return BEFORE.name() + "_" + days;
	}

	static ReminderKind of(String stored) {
		return stored.startsWith(BEFORE.name() + "_") ? BEFORE : valueOf(stored);
	}

}
