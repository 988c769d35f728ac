package de.kooperation.shared;

import java.time.LocalDate;
import java.util.Date;

/**
 * Key, element ids and variable names of the main process {@code collaboration}. The variables
 * under "shared" are passed into every called process, so their names are used there too.
 */
public final class CollaborationProcess {

	public static final String KEY = "collaboration";

	public static final String MESSAGE_TERMINATION = "collaboration_termination";

	private CollaborationProcess() {
	}

	/** Element ids, as in processes/collaboration.bpmn. */
	public static final class Elements {

		public static final String START = "start_collaboration";
		public static final String INTRODUCTORY_TALKS = "user_introductory_talks";
		public static final String END_NO_COLLABORATION = "end_no_collaboration";
		public static final String CALL_AGREEMENT = "call_agreement";
		// publicity around the signing runs beside the Sondierung, not before it
		public static final String GATEWAY_PUBLICITY_WANTED = "gateway_publicity_wanted";
		public static final String GATEWAY_PUBLICITY_SPLIT = "gateway_publicity_split";
		public static final String GATEWAY_PUBLICITY_MERGE = "gateway_publicity_merge";
		public static final String SIGNING_PUBLICITY = "user_signing_publicity";
		public static final String SUPPORT_SIGNING_PUBLICITY = "user_support_signing_publicity";
		public static final String GATEWAY_PUBLICITY_JOIN = "gateway_publicity_join";
		public static final String END_PUBLICITY_DONE = "end_publicity_done";
		public static final String SCHEDULE_EXPLORATORY_MEETING = "user_schedule_exploratory_meeting";
		public static final String EXPLORATORY_MEETING = "user_exploratory_meeting";
		public static final String CALL_BASELINE_ANALYSIS = "call_baseline_analysis";
		public static final String CHOOSE_DISCOURSE_FORMATS = "user_choose_discourse_formats";
		public static final String HOLD_DISCOURSE = "user_hold_discourse";
		public static final String ACKNOWLEDGE_RECOMMENDATIONS = "user_acknowledge_recommendations";
		public static final String CONCRETISE_GOALS = "user_concretise_goals";
		public static final String SUPPORT_CONCRETISATION = "user_support_concretisation";
		public static final String PREPARE_TRANSFER_PLAN = "user_prepare_transfer_plan";
		public static final String CALL_REVISION = "call_revision";
		public static final String CALL_IMPLEMENTATION = "call_implementation";
		public static final String FINAL_REPORT = "user_final_report";
		public static final String END_FUNDING = "end_funding_ended";
		public static final String TERMINATION_START = "start_termination";
		public static final String RECORD_TERMINATION = "user_record_termination";
		public static final String END_TERMINATED = "end_terminated";

		private Elements() {
		}

	}

	/** Variable names. */
	public static final class Vars {

		// shared: set at start, read by every process
		public static final String MUNICIPALITY_ID = "municipalityId";
		public static final String MUNICIPALITY_NAME = "municipalityName";
		public static final String FEDERAL_STATE = "federalState";
		public static final String MUNICIPALITY_GROUP = "municipalityGroup";
		public static final String MUNICIPALITY_LEADERSHIP_GROUP = "municipalityLeadershipGroup";
		public static final String FUNDING_END = "fundingEnd";
		public static final String TRANSFER_MANAGER = "transferManager";

		// introductory talks
		public static final String INTRODUCTORY_TALKS_DATE = "introductoryTalksDate";
		public static final String INITIAL_NEEDS = "initialNeeds";

		// decisions of the main process
		public static final String CONTINUE_COLLABORATION = "continueCollaboration";
		public static final String EXPLORATORY_MEETING_POSTPONED = "exploratoryMeetingPostponed";
		public static final String EXPLORATORY_MEETING_DATE = "exploratoryMeetingDate";
		public static final String EXPLORATORY_MEETING_TIME = "exploratoryMeetingTime";
		public static final String EXPLORATORY_MEETING_LOCATION = "exploratoryMeetingLocation";
		public static final String ANALYSIS_TOPICS = "analysisTopics";
		public static final String BASELINE_ANALYSIS_DUE = "baselineAnalysisDue";

		// the Rückspiegelung of the recommendations
		public static final String DISCOURSE_EVENT_DATE = "discourseEventDate";
		public static final String DISCOURSE_EVENT_TIME = "discourseEventTime";
		public static final String DISCOURSE_EVENT_LOCATION = "discourseEventLocation";

		// concretisation of the goals and the transfer plan, after the analysis
		public static final String CONCRETISED_GOALS = "concretisedGoals";
		public static final String CONCRETISED_MEASURES = "concretisedMeasures";
		public static final String CONCRETISATION_SUPPORT_NOTES = "concretisationSupportNotes";
		public static final String INTERNAL_EVENTS_PLANNED = "internalEventsPlanned";
		public static final String TRANSFER_PLAN_WANTED = "transferPlanWanted";
		public static final String TRANSFER_PLAN_LINK = "transferPlanLink";
		public static final String TRANSFER_SUBJECTS = "transferSubjects";

		// termination
		public static final String TERMINATED_BY = "terminatedBy";
		public static final String TERMINATION_REASON = "terminationReason";

		private Vars() {
		}

	}


	/**
	 * The variables the code reads and writes, typed (see {@link ProcessVariable}); their names are the
	 * {@link Vars}.
	 */
	public static final class Typed {

		public static final ProcessVariable<String> MUNICIPALITY_ID = ProcessVariable.text(Vars.MUNICIPALITY_ID);
		public static final ProcessVariable<String> MUNICIPALITY_NAME = ProcessVariable.text(Vars.MUNICIPALITY_NAME);
		public static final ProcessVariable<String> FEDERAL_STATE = ProcessVariable.text(Vars.FEDERAL_STATE);
		public static final ProcessVariable<String> MUNICIPALITY_GROUP = ProcessVariable.text(Vars.MUNICIPALITY_GROUP);
		public static final ProcessVariable<String> MUNICIPALITY_LEADERSHIP_GROUP = ProcessVariable
			.text(Vars.MUNICIPALITY_LEADERSHIP_GROUP);
		/** A user id of the agency team, or not set. */
		public static final ProcessVariable<String> TRANSFER_MANAGER = ProcessVariable.text(Vars.TRANSFER_MANAGER);
		/** The end of funding as the start listener stores it: the end of that day (23:59), German time. */
		public static final ProcessVariable<Date> FUNDING_END = ProcessVariable.moment(Vars.FUNDING_END);
		/** The end of funding as the start form ("2027-12-31") or a REST client (a Date) gives it. */
		public static final ProcessVariable<LocalDate> FUNDING_END_GIVEN = ProcessVariable.day(Vars.FUNDING_END);

		public static final ProcessVariable<Boolean> EXPLORATORY_MEETING_POSTPONED = ProcessVariable
			.flag(Vars.EXPLORATORY_MEETING_POSTPONED);
		public static final ProcessVariable<LocalDate> EXPLORATORY_MEETING_DATE = ProcessVariable.day(Vars.EXPLORATORY_MEETING_DATE);
		/** hh:mm as the form's time picker sends it. */
		public static final ProcessVariable<String> EXPLORATORY_MEETING_TIME = ProcessVariable.text(Vars.EXPLORATORY_MEETING_TIME);
		public static final ProcessVariable<String> EXPLORATORY_MEETING_LOCATION = ProcessVariable.text(Vars.EXPLORATORY_MEETING_LOCATION);
		public static final ProcessVariable<String> ANALYSIS_TOPICS = ProcessVariable.text(Vars.ANALYSIS_TOPICS);
		public static final ProcessVariable<LocalDate> BASELINE_ANALYSIS_DUE = ProcessVariable.day(Vars.BASELINE_ANALYSIS_DUE);

		public static final ProcessVariable<LocalDate> DISCOURSE_EVENT_DATE = ProcessVariable.day(Vars.DISCOURSE_EVENT_DATE);
		/** hh:mm as the form's time picker sends it. */
		public static final ProcessVariable<String> DISCOURSE_EVENT_TIME = ProcessVariable.text(Vars.DISCOURSE_EVENT_TIME);
		public static final ProcessVariable<String> DISCOURSE_EVENT_LOCATION = ProcessVariable.text(Vars.DISCOURSE_EVENT_LOCATION);

		/** Who ended the collaboration ("Kommune" or "Transferagentur"); not set while it runs. */
		public static final ProcessVariable<String> TERMINATED_BY = ProcessVariable.text(Vars.TERMINATED_BY);

		private Typed() {
		}

	}

}
