package de.kooperation.reminder;

import de.kooperation.shared.ProcessVariable;

/** Keys, element ids and variables of the reminder processes. */
final class ReminderProcess {

	/** Sends one mail as its own job: async before and after, retried, then an incident. */
	static final String KEY = "reminder";

	/** Timer-started sweep over all deadlines. */
	static final String SWEEP_KEY = "reminderSweep";

	/** Timer-started weekly digest (Monday morning). */
	static final String DIGEST_KEY = "reminderDigest";

	/** Sends the cancellation of one meeting as its own job, retried like a reminder. */
	static final String CANCELLATION_KEY = "meetingCancellation";

	static final String SEND_TASK = "service_send_reminder";

	static final String CANCELLATION_TASK = "service_send_cancellation";

	static final String SWEEP_TASK = "service_schedule_reminders";

	static final String DIGEST_TASK = "service_schedule_digests";

	static final String VAR_REMINDER_ID = "reminderId";

	/** The reminder (a row of koop_reminder) a mail job sends. */
	static final ProcessVariable<String> REMINDER_ID = ProcessVariable.text(VAR_REMINDER_ID);

	static final String SUBJECT_TASK = "TASK";

	static final String SUBJECT_DIGEST = "DIGEST";

	private ReminderProcess() {
	}

}
