package de.kooperation.shared;

/**
 * Group ids of both parties. Every Kommune has its own two groups, so a task offered to one
 * Kommune is never offered to another.
 */
public final class PartyGroups {

	/** Transfermanager/innen of the agency: day-to-day work. */
	public static final String AGENCY_TEAM = "ta-team";

	/** Projektleitung of the agency: signs, owns the process. */
	public static final String AGENCY_LEADERSHIP = "ta-leadership";

	private PartyGroups() {
	}

	/** Ansprechpartner/innen of one Kommune. */
	public static String municipalityContacts(String municipalityId) {
		return "kommune-" + municipalityId;
	}

	/** Verwaltungsspitze (mayor, Landrat) of one Kommune. */
	public static String municipalityLeadership(String municipalityId) {
		return "kommune-" + municipalityId + "-leadership";
	}

}
