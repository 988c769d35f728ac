package de.kooperation.shared;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;


/**
 * Key, element ids and variable names of the called process {@code implementation} (Umsetzung,
 * module 3): recurring review and strategy meetings, the Kommune's feedback and the ongoing
 * knowledge exchange, from the revised agreement until the end of funding.
 */
public final class ImplementationProcess {

	public static final String KEY = "implementation";

	/** The reusable process called when a review meeting changes the goals. */
	public static final String REVISION_KEY = "revision";

	private ImplementationProcess() {
	}

	/** Element ids, as in processes/implementation.bpmn. */
	public static final class Elements {

		public static final String START = "start_implementation";
		public static final String CYCLES_JOIN = "gateway_cycles_join";
		public static final String CYCLES_END = "end_meeting_cycles";

		// review meetings (operative level)
		public static final String TIMER_NEXT_REVIEW = "timer_next_review";
		public static final String PLAN_REVIEW_MEETING = "user_plan_review_meeting";
		public static final String RECORD_REVIEW_MEETING = "user_record_review_meeting";
		public static final String ARRANGE_SUPPORT = "user_arrange_support";
		public static final String CALL_REVISION = "call_revision";
		public static final String REVISION_JOIN = "gateway_revision_join";

		// strategy meetings (leadership level)
		public static final String TIMER_NEXT_STRATEGY = "timer_next_strategy";
		public static final String PLAN_STRATEGY_MEETING = "user_plan_strategy_meeting";
		public static final String RECORD_STRATEGY_MEETING = "user_record_strategy_meeting";

		// the Kommune's feedback on the collaboration
		public static final String TIMER_NEXT_FEEDBACK = "timer_next_feedback";
		public static final String GIVE_FEEDBACK = "user_give_feedback";

		// information, publicity and knowledge exchange
		public static final String TIMER_NEXT_EXCHANGE = "timer_next_exchange";
		public static final String COORDINATE_EXCHANGE = "user_coordinate_exchange";

		// end of funding
		public static final String BOUNDARY_FUNDING_END = "boundary_funding_end";
		public static final String TIMER_FUNDING_END = "timer_funding_end";
		public static final String END_FUNDING_REACHED = "end_funding_reached";

		private Elements() {
		}

	}

	/** Camunda Form ids (forms/implementation-*.form). */
	public static final class Forms {

		public static final String RECORD_REVIEW_MEETING = "implementation-record-review-meeting";

		private Forms() {
		}

	}

	/**
	 * The two kinds of meetings (their kinds in BPMN: {@code REVIEW_MEETING}, {@code STRATEGY_MEETING}). Each
	 * has its date, time and place (set by the planning form) and when its results are due (read by the
	 * due-date stage {@code <meeting>Results} of the task that records them).
	 */
	public static final class Meetings {

		public static final String REVIEW = "reviewMeeting";
		public static final String STRATEGY = "strategyMeeting";

		/** Results of a meeting are due this many days after it. */
		public static final int RESULTS_DAYS_AFTER_MEETING = 14;

		private Meetings() {
		}

	}

	/** Variable names. */
	public static final class Vars {

		// read: shared variables of the collaboration
		public static final String FUNDING_END = CollaborationProcess.Vars.FUNDING_END;
		public static final String MUNICIPALITY_NAME = CollaborationProcess.Vars.MUNICIPALITY_NAME;
		public static final String MUNICIPALITY_GROUP = CollaborationProcess.Vars.MUNICIPALITY_GROUP;
		public static final String MUNICIPALITY_LEADERSHIP_GROUP = CollaborationProcess.Vars.MUNICIPALITY_LEADERSHIP_GROUP;

		// intervals of the loops, ISO-8601 periods (P6M, P1Y, P8W); defaults below
		public static final String REVIEW_MEETING_INTERVAL = "reviewMeetingInterval";
		public static final String STRATEGY_MEETING_INTERVAL = "strategyMeetingInterval";
		public static final String FEEDBACK_INTERVAL = "feedbackInterval";
		public static final String EXCHANGE_INTERVAL = "exchangeInterval";

		// review meeting
		public static final String REVIEW_MEETING_DATE = "reviewMeetingDate";
		public static final String REVIEW_MEETING_TIME = "reviewMeetingTime";
		public static final String REVIEW_MEETING_LOCATION = "reviewMeetingLocation";
		public static final String REVIEW_MEETING_AGENDA = "reviewMeetingAgenda";
		/** When the results of the review meeting are due: a variable {@code <stage>Due} of the stage reviewMeetingResults. */
		public static final String REVIEW_MEETING_RESULTS_DUE = "reviewMeetingResultsDue";
		/** The decisions on the Kommune's Zeitplan taken in the review meeting (PlanDecisionsListener). */
		public static final String PLAN_DECISIONS = "planDecisions";
		public static final String REVIEW_MEETING_PARTICIPANTS = "reviewMeetingParticipants";
		public static final String REVIEW_MEETING_STATUS = "reviewMeetingStatus";
		public static final String REVIEW_MEETING_NEXT_STEPS = "reviewMeetingNextSteps";
		public static final String REVIEW_MEETING_SUPPORT_NEEDS = "reviewMeetingSupportNeeds";

		// Standortbestimmung of the review meeting: one variable per core element, see reviewAssessment(CoreElement)
		public static final String REVIEW_ASSESSMENT_PREFIX = "reviewAssessment";
		public static final String REVIEW_ASSESSMENT_NOTE = "reviewAssessmentNote";
		/** Which assessment the form is prefilled with (date and occasion), for the form's text. */
		public static final String REVIEW_ASSESSMENT_PREVIOUS = "reviewAssessmentPrevious";

		// decisions of the review meeting (steer the gateways)
		public static final String SUPPORT_REQUESTED = "implementationSupportRequested";
		public static final String GOALS_CHANGED = "implementationGoalsChanged";

		// support arranged by the agency
		public static final String SUPPORT_OFFERED = "implementationSupportOffered";
		public static final String SUPPORT_DATE = "implementationSupportDate";

		/**
		 * Every variable of the strategy, feedback and exchange loops starts with its loop's prefix;
		 * the revision is given none of them (CalledProcessVariables, RevisionVariablesTests).
		 */
		public static final String STRATEGY_MEETING_PREFIX = Meetings.STRATEGY;
		public static final String FEEDBACK_PREFIX = "feedback";
		public static final String EXCHANGE_PREFIX = "exchange";

		// strategy meeting
		public static final String STRATEGY_MEETING_DATE = "strategyMeetingDate";
		public static final String STRATEGY_MEETING_TIME = "strategyMeetingTime";
		public static final String STRATEGY_MEETING_LOCATION = "strategyMeetingLocation";
		/** When the results of the strategy meeting are due: a variable {@code <stage>Due} of the stage strategyMeetingResults. */
		public static final String STRATEGY_MEETING_RESULTS_DUE = "strategyMeetingResultsDue";
		public static final String STRATEGY_MEETING_PARTICIPANTS = "strategyMeetingParticipants";
		public static final String STRATEGY_MEETING_STATUS = "strategyMeetingStatus";
		public static final String STRATEGY_MEETING_DEVELOPMENT = "strategyMeetingDevelopment";

		// the Kommune's feedback
		public static final String FEEDBACK_RATING = "feedbackRating";
		public static final String FEEDBACK_SUGGESTIONS = "feedbackSuggestions";

		// information, publicity and knowledge exchange
		public static final String EXCHANGE_EVENTS_OFFERED = "exchangeEventsOffered";

		private Vars() {
		}

		/** The variable that holds the development type of one core element in a review meeting. */
		public static String reviewAssessment(CoreElement element) {
			return REVIEW_ASSESSMENT_PREFIX + element.capitalizedId();
		}

	}

	/**
	 * The variables the code reads and writes, typed (see {@link ProcessVariable}); their names are the
	 * {@link Vars}.
	 */
	public static final class Typed {

		public static final ProcessVariable<Date> FUNDING_END = CollaborationProcess.Typed.FUNDING_END;
		public static final ProcessVariable<LocalDate> FUNDING_END_GIVEN = CollaborationProcess.Typed.FUNDING_END_GIVEN;

		/** The intervals of the loops: ISO-8601 periods as text. */
		public static final Map<String, ProcessVariable<String>> INTERVALS = Defaults.INTERVALS.keySet().stream()
			.collect(Collectors.toUnmodifiableMap(name -> name, ProcessVariable::text));

		// review meeting
		public static final ProcessVariable<LocalDate> REVIEW_MEETING_DATE = ProcessVariable.day(Vars.REVIEW_MEETING_DATE);
		/** hh:mm as the form's time picker sends it. */
		public static final ProcessVariable<String> REVIEW_MEETING_TIME = ProcessVariable.text(Vars.REVIEW_MEETING_TIME);
		public static final ProcessVariable<String> REVIEW_MEETING_LOCATION = ProcessVariable.text(Vars.REVIEW_MEETING_LOCATION);
		public static final ProcessVariable<LocalDate> REVIEW_MEETING_RESULTS_DUE = ProcessVariable.day(Vars.REVIEW_MEETING_RESULTS_DUE);
		public static final ProcessVariable<String> REVIEW_MEETING_SUPPORT_NEEDS = ProcessVariable.text(Vars.REVIEW_MEETING_SUPPORT_NEEDS);
		public static final ProcessVariable<String> REVIEW_ASSESSMENT_NOTE = ProcessVariable.text(Vars.REVIEW_ASSESSMENT_NOTE);
		public static final ProcessVariable<String> REVIEW_ASSESSMENT_PREVIOUS = ProcessVariable.text(Vars.REVIEW_ASSESSMENT_PREVIOUS);
		public static final ProcessVariable<Boolean> SUPPORT_REQUESTED = ProcessVariable.flag(Vars.SUPPORT_REQUESTED);
		public static final ProcessVariable<Boolean> GOALS_CHANGED = ProcessVariable.flag(Vars.GOALS_CHANGED);

		// strategy meeting
		public static final ProcessVariable<LocalDate> STRATEGY_MEETING_DATE = ProcessVariable.day(Vars.STRATEGY_MEETING_DATE);
		/** hh:mm as the form's time picker sends it. */
		public static final ProcessVariable<String> STRATEGY_MEETING_TIME = ProcessVariable.text(Vars.STRATEGY_MEETING_TIME);
		public static final ProcessVariable<String> STRATEGY_MEETING_LOCATION = ProcessVariable.text(Vars.STRATEGY_MEETING_LOCATION);
		public static final ProcessVariable<LocalDate> STRATEGY_MEETING_RESULTS_DUE = ProcessVariable
			.day(Vars.STRATEGY_MEETING_RESULTS_DUE);

		private Typed() {
		}

		/** The development type of one core element in a review meeting, as the form's select stores it. */
		public static ProcessVariable<MaturityLevel> reviewAssessment(CoreElement element) {
			return MaturityLevel.variable(Vars.reviewAssessment(element));
		}

	}

	/** Defaults of the intervals: what the seeds agree (review 1–2×, strategy 1× a year). */
	public static final class Defaults {

		public static final Map<String, String> INTERVALS = Map.of(
				Vars.REVIEW_MEETING_INTERVAL, "P6M",
				Vars.STRATEGY_MEETING_INTERVAL, "P12M",
				Vars.FEEDBACK_INTERVAL, "P12M",
				Vars.EXCHANGE_INTERVAL, "P6M");

		private Defaults() {
		}

	}

}
