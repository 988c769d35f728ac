package de.kooperation.agreement;

/**
 * One goal of the Kommune (Zielvereinbarung, Anlage 1). The key stays the same from version to
 * version, so a revision can say which goal changed.
 *
 * @param priority "hoch", "mittel" or null where the agreement names none
 */
public record Goal(String key, String priority, String title, String explanation, String measures, String timeFrame) {

	public static final String HIGH = "hoch";

	public static final String MEDIUM = "mittel";

	/** A new goal with only its title, as a row of the draft page before anything else is filled in. */
	public static Goal titled(String title) {
		return new Goal(Agreements.newKey("z-"), null, title, null, null, null);
	}

	/** What a reader sees for the priority. */
	public String priorityLabel() {
		return priority == null ? "–" : priority;
	}

}
