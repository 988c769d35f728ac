package de.kooperation.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The meetings a process holds. A model names only the kind: in the complete listener of the task that
 * fixes the date, {@code ${meetingInvitations.invite(task, 'EXPLORATORY_MEETING')}}, and for a recurring
 * meeting in its two tasks, {@code ${meetingTasks.plan(execution, 'REVIEW_MEETING')}}. The kind holds the
 * rest: the invitation's title, the form fields it reads (date, time, place), when its results are due,
 * and who is invited. The model test checks that every kind a model names exists and that the forms of
 * its tasks have its fields.
 */
public enum MeetingKind {

	/** Once per collaboration, with the Kommune's group (seed 002). */
	EXPLORATORY_MEETING("Sondierungsgespräch", "exploratoryMeeting", false, CollaborationProcess.Typed.MUNICIPALITY_GROUP, null,
			CollaborationProcess.Typed.EXPLORATORY_MEETING_DATE, CollaborationProcess.Typed.EXPLORATORY_MEETING_TIME,
			CollaborationProcess.Typed.EXPLORATORY_MEETING_LOCATION, null),

	/** The Rückspiegelung of the analysis's recommendations, with the Kommune and the agency team. */
	DISCOURSE_EVENT("Rückspiegelung der Handlungsempfehlungen", "discourseEvent", false,
			CollaborationProcess.Typed.MUNICIPALITY_GROUP, PartyGroups.AGENCY_TEAM, CollaborationProcess.Typed.DISCOURSE_EVENT_DATE,
			CollaborationProcess.Typed.DISCOURSE_EVENT_TIME, CollaborationProcess.Typed.DISCOURSE_EVENT_LOCATION, null),

	/** Recurring in the implementation: every planning task is a meeting of its own. */
	REVIEW_MEETING("Reviewgespräch", ImplementationProcess.Meetings.REVIEW, true, CollaborationProcess.Typed.MUNICIPALITY_GROUP,
			null, ImplementationProcess.Typed.REVIEW_MEETING_DATE, ImplementationProcess.Typed.REVIEW_MEETING_TIME,
			ImplementationProcess.Typed.REVIEW_MEETING_LOCATION, ImplementationProcess.Typed.REVIEW_MEETING_RESULTS_DUE),

	/** Recurring in the implementation, between both sides' leadership. */
	STRATEGY_MEETING("Strategiegespräch", ImplementationProcess.Meetings.STRATEGY, true,
			CollaborationProcess.Typed.MUNICIPALITY_LEADERSHIP_GROUP, PartyGroups.AGENCY_LEADERSHIP,
			ImplementationProcess.Typed.STRATEGY_MEETING_DATE, ImplementationProcess.Typed.STRATEGY_MEETING_TIME,
			ImplementationProcess.Typed.STRATEGY_MEETING_LOCATION, ImplementationProcess.Typed.STRATEGY_MEETING_RESULTS_DUE);

	private final String title;

	private final String key;

	private final boolean recurring;

	private final ProcessVariable<String> municipalityGroup;

	private final String agencyGroup;

	private final ProcessVariable<LocalDate> date;

	private final ProcessVariable<String> time;

	private final ProcessVariable<String> location;

	private final ProcessVariable<LocalDate> resultsDue;

	MeetingKind(String title, String key, boolean recurring, ProcessVariable<String> municipalityGroup, String agencyGroup,
			ProcessVariable<LocalDate> date, ProcessVariable<String> time, ProcessVariable<String> location,
			ProcessVariable<LocalDate> resultsDue) {
		this.title = title;
		this.key = key;
		this.recurring = recurring;
		this.municipalityGroup = municipalityGroup;
		this.agencyGroup = agencyGroup;
		this.date = date;
		this.time = time;
		this.location = location;
		this.resultsDue = resultsDue;
	}

	/**
	 * The kind a model names. Instances started on an earlier version of implementation.bpmn call
	 * {@code meetingTasks} with the meeting's key ({@code 'reviewMeeting'}) and keep doing so until they end.
	 */
	public static MeetingKind named(String name) {
		for (MeetingKind kind : values()) {
			if (kind.name().equals(name) || kind.key.equals(name)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("no meeting kind: " + name);
	}

	/** The invitation's subject and calendar summary (the Kommune's name follows). */
	public String title() {
		return title;
	}

	/**
	 * The meeting's part of its calendar UIDs ({@code <id>.exploratoryMeeting@kooperation}); kept as it
	 * was, so a meeting planned before is updated, not sent twice.
	 */
	public String key() {
		return key;
	}

	/** The day of the meeting (yyyy-MM-dd), set by the planning form. */
	public ProcessVariable<LocalDate> date() {
		return date;
	}

	/** The time of the meeting (hh:mm, default 10:00). */
	public ProcessVariable<String> time() {
		return time;
	}

	/** Where the meeting takes place. */
	public ProcessVariable<String> location() {
		return location;
	}

	/** The form fields of the planning task: date, time and place. */
	public List<String> formFields() {
		return List.of(date.name(), time.name(), location.name());
	}

	/** When the results of the meeting are due, for a meeting whose results are recorded by a task of their own. */
	public Optional<ProcessVariable<LocalDate>> resultsDue() {
		return Optional.ofNullable(resultsDue);
	}

	/**
	 * Whether the process holds a series of such meetings (each planning task one of them) rather than
	 * one meeting whose later planning updates the invitation.
	 */
	public boolean recurring() {
		return recurring;
	}

	/** The process variable naming the Kommune's group that is invited. */
	public ProcessVariable<String> municipalityGroup() {
		return municipalityGroup;
	}

	/** The agency's group invited besides the transfer manager, or null (the transfer manager alone). */
	public String agencyGroup() {
		return agencyGroup;
	}

}
