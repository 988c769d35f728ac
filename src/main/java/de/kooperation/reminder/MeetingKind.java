package de.kooperation.reminder;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;

/**
 * The meetings a process invites to. A model names only the kind, in the complete listener of the
 * task that fixes the date: {@code ${meetingInvitations.invite(task, 'EXPLORATORY_MEETING')}}; the
 * kind holds the rest: the invitation's title, the form fields it reads ({@code <fields>Date},
 * {@code <fields>Time}, {@code <fields>Location}) and who is invited. The model test checks that
 * every kind a model names exists.
 */
public enum MeetingKind {

	/** Once per collaboration, with the Kommune's group (seed 002). */
	EXPLORATORY_MEETING("Sondierungsgespräch", "exploratoryMeeting", false,
			CollaborationProcess.Vars.MUNICIPALITY_GROUP, null),

	/** The Rückspiegelung of the analysis's recommendations, with the Kommune and the agency team. */
	DISCOURSE_EVENT("Rückspiegelung der Handlungsempfehlungen", "discourseEvent", false,
			CollaborationProcess.Vars.MUNICIPALITY_GROUP, PartyGroups.AGENCY_TEAM),

	/** Recurring in the implementation: every planning task is a meeting of its own. */
	REVIEW_MEETING("Reviewgespräch", "reviewMeeting", true, CollaborationProcess.Vars.MUNICIPALITY_GROUP, null),

	/** Recurring in the implementation, between both sides' leadership. */
	STRATEGY_MEETING("Strategiegespräch", "strategyMeeting", true,
			CollaborationProcess.Vars.MUNICIPALITY_LEADERSHIP_GROUP, PartyGroups.AGENCY_LEADERSHIP);

	private final String title;

	private final String fields;

	private final boolean recurring;

	private final String municipalityGroupVariable;

	private final String agencyGroup;

	MeetingKind(String title, String fields, boolean recurring, String municipalityGroupVariable, String agencyGroup) {
		this.title = title;
		this.fields = fields;
		this.recurring = recurring;
		this.municipalityGroupVariable = municipalityGroupVariable;
		this.agencyGroup = agencyGroup;
	}

	/** The invitation's subject and calendar summary (the Kommune's name follows). */
	public String title() {
		return title;
	}

	/** The prefix of the form fields: {@code exploratoryMeeting} for {@code exploratoryMeetingDate} and so on. */
	public String fields() {
		return fields;
	}

	public String dateField() {
		return fields + "Date";
	}

	public String timeField() {
		return fields + "Time";
	}

	public String locationField() {
		return fields + "Location";
	}

	/**
	 * Whether the process holds a series of such meetings (each planning task one of them) rather than
	 * one meeting whose later planning updates the invitation.
	 */
	public boolean recurring() {
		return recurring;
	}

	/** The process variable naming the Kommune's group that is invited. */
	public String municipalityGroupVariable() {
		return municipalityGroupVariable;
	}

	/** The agency's group invited besides the transfer manager, or null (the transfer manager alone). */
	public String agencyGroup() {
		return agencyGroup;
	}

}
