package de.kooperation.shared;

import java.util.Collection;
import java.util.Optional;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * Group ids of both parties. Every Kommune has its own two groups, so a task offered to one
 * Kommune is never offered to another.
 */
public final class PartyGroups {

	private static final String MUNICIPALITY_PREFIX = "kommune-";

	private static final String LEADERSHIP_SUFFIX = "-leadership";

	/** SQL {@code like} pattern of every Kommune's groups (contacts and leadership), for queries of identity links. */
	public static final String MUNICIPALITY_GROUPS_LIKE = MUNICIPALITY_PREFIX + "%";

	/** Transfermanager/innen of the agency: day-to-day work. */
	public static final String AGENCY_TEAM = "ta-team";

	/** Projektleitung of the agency: signs, owns the process. */
	public static final String AGENCY_LEADERSHIP = "ta-leadership";

	private PartyGroups() {
	}

	/**
	 * Whether a user task whose model names these candidate groups ({@code camunda:candidateGroups},
	 * comma-separated) is offered to a Kommune: one of them is a Kommune's group, by the variables the
	 * main process sets for them or written out.
	 */
	public static boolean offeredToMunicipality(String candidateGroups) {
		if (candidateGroups == null) {
			return false;
		}
		for (String group : candidateGroups.split(",")) {
			String name = group.trim();
			if (name.equals("${" + CollaborationProcess.Vars.MUNICIPALITY_GROUP + "}")
					|| name.equals("${" + CollaborationProcess.Vars.MUNICIPALITY_LEADERSHIP_GROUP + "}")
					|| municipalityOf(name).isPresent()) {
				return true;
			}
		}
		return false;
	}

	/** Whether these groups see every Kommune: the agency (team, Projektleitung) and the administrators. */
	public static boolean seeEveryMunicipality(Collection<String> groupIds) {
		return groupIds.contains(AGENCY_TEAM) || groupIds.contains(AGENCY_LEADERSHIP) || groupIds.contains(Groups.CAMUNDA_ADMIN);
	}

	/** Ansprechpartner/innen of one Kommune. */
	public static String municipalityContacts(String municipalityId) {
		return MUNICIPALITY_PREFIX + municipalityId;
	}

	/** Verwaltungsspitze (mayor, Landrat) of one Kommune. */
	public static String municipalityLeadership(String municipalityId) {
		return MUNICIPALITY_PREFIX + municipalityId + LEADERSHIP_SUFFIX;
	}

	/** The Kommune whose contacts' or leadership group this is; empty for the agency's groups. */
	public static Optional<String> municipalityOf(String groupId) {
		if (groupId == null || !groupId.startsWith(MUNICIPALITY_PREFIX)) {
			return Optional.empty();
		}
		String rest = groupId.substring(MUNICIPALITY_PREFIX.length());
		return Optional.of(rest.endsWith(LEADERSHIP_SUFFIX) ? rest.substring(0, rest.length() - LEADERSHIP_SUFFIX.length()) : rest);
	}

}
