package de.kooperation.reminder;

import java.util.ArrayList;
import java.util.List;

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

	/**
	 * What an escalation can truthfully say about the reminders that went before it (the stored kinds
	 * of those sent): which were sent, or that none was (a task already overdue when it was created).
	 */
	static String sentBefore(List<String> sentKinds) {
		long before = sentKinds.stream().filter(kind -> of(kind) == BEFORE).count();
		List<String> parts = new ArrayList<>();
		if (before > 0) {
			parts.add(before == 1 ? "einmal vor der Frist" : before + "-mal vor der Frist");
		}
		if (sentKinds.stream().anyMatch(kind -> of(kind) == DUE)) {
			parts.add("am Tag der Frist");
		}
		if (sentKinds.stream().anyMatch(kind -> of(kind) == OVERDUE)) {
			parts.add("am ersten Arbeitstag danach");
		}
		if (parts.isEmpty()) {
			return "Die Zuständigen wurden bisher nicht eigens erinnert (die Frist lag schon zurück, als die Erinnerungen begannen).";
		}
		String list = parts.size() == 1 ? parts.get(0)
				: String.join(", ", parts.subList(0, parts.size() - 1)) + " und " + parts.get(parts.size() - 1);
		return "Die Zuständigen wurden " + list + " erinnert.";
	}

	static ReminderKind of(String stored) {
		return stored.startsWith(BEFORE.name() + "_") ? BEFORE : valueOf(stored);
	}

}
