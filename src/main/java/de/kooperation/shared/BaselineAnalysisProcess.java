package de.kooperation.shared;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Key, element ids, form ids, due-date stages and variable names of the called process
 * {@code baselineAnalysis} (Bedarfsanalyse / Ist-Stand-Analyse, module 1): expert interviews and
 * document analysis side by side, then Standortbestimmung, Handlungsempfehlungen and
 * Ergebnisbericht.
 */
public final class BaselineAnalysisProcess {

	public static final String KEY = "baselineAnalysis";

	/** At least one interview; more than this many in one analysis is a typo, not a plan. */
	public static final int MAX_EXPERTS = 20;

	private BaselineAnalysisProcess() {
	}

	/** Element ids, as in processes/baseline-analysis.bpmn. */
	public static final class Elements {

		public static final String START = "start_baseline_analysis";
		public static final String PROPOSE_EXPERTS = "user_propose_experts";
		public static final String SELECT_EXPERTS = "user_select_experts";
		public static final String SCHEDULE_INTERVIEWS = "user_schedule_interviews";
		public static final String PREPARE_INTERVIEW_GUIDE = "user_prepare_interview_guide";
		public static final String CONDUCT_INTERVIEW = "user_conduct_interview";
		public static final String HAND_OVER_DOCUMENTS = "user_hand_over_documents";
		public static final String ANALYSE_DOCUMENTS = "user_analyse_documents";
		public static final String ASSESS_POSITION = "user_assess_position";
		public static final String DERIVE_RECOMMENDATIONS = "user_derive_recommendations";
		public static final String WRITE_RESULT_REPORT = "user_write_result_report";
		public static final String RECEIVE_RESULT_REPORT = "user_receive_result_report";
		public static final String END = "end_baseline_analysis";

		private Elements() {
		}

	}

	/** Camunda Form ids (forms/analysis-*.form). */
	public static final class Forms {

		public static final String SELECT_EXPERTS = "analysis-select-experts";
		public static final String SCHEDULE_INTERVIEWS = "analysis-schedule-interviews";
		public static final String CONDUCT_INTERVIEW = "analysis-conduct-interview";
		public static final String ASSESS_POSITION = "analysis-assess-position";

		private Forms() {
		}

	}

	/** Stage keys for {@code dueDates.of(execution, stage)}; a variable {@code <stage>Due} wins. */
	public static final class Stages {

		/** The whole analysis: the parent passes the agreed end as {@code baselineAnalysisDue}. */
		public static final String BASELINE_ANALYSIS = "baselineAnalysis";

		/** Short preparatory steps: experts, appointments, guide, documents (new key). */
		public static final String PREPARATION = "analysisPreparation";

		/** The Kommune confirms receipt of the result report (new key). */
		public static final String RESULT_REPORT_RECEIPT = "resultReportReceipt";

		private Stages() {
		}

	}

	/** Variable names. */
	public static final class Vars {

		// in, from the parent (besides the shared variables of the collaboration), and the agreed end of the
		// analysis, CollaborationProcess.Vars.BASELINE_ANALYSIS_DUE (see Stages.BASELINE_ANALYSIS)
		public static final String ANALYSIS_TOPICS = "analysisTopics";

		// interviews
		/** The agency's proposal: Json, one row per person with {@link #NAME} (may be empty), {@link #ROLE}, {@link #EMAIL}. */
		public static final String EXPERT_PROPOSAL = "baselineAnalysisExpertProposal";
		/** The Kommune's selection: Json, one row per person with {@link #NAME}, {@link #ROLE}, {@link #EMAIL}. */
		public static final String EXPERT_SELECTION = "baselineAnalysisExpertSelection";
		/** java.util.List of maps with the keys {@link #NAME}, {@link #ROLE}, {@link #EMAIL}. */
		public static final String EXPERTS = "baselineAnalysisExperts";
		/**
		 * Json, one row per selected expert: {@link #NAME}, {@link #EMAIL} (both from the selection),
		 * {@link #DATE} (yyyy-mm-dd), {@link #TIME} (hh:mm), {@link #LOCATION}, or {@link #DATE_OPEN} true.
		 */
		public static final String INTERVIEW_SCHEDULE = "baselineAnalysisInterviewSchedule";
		/** The interview task's own line of the schedule, as the agency's form shows it ("15.01.2027, 09:00 Uhr, Rathaus"). */
		public static final String INTERVIEW_APPOINTMENT = "interviewAppointment";
		public static final String INTERVIEW_GUIDE_LINK = "interviewGuideLink";
		/**
		 * No longer written (interviews are in {@code analysis/InterviewRecords}); the history of earlier versions
		 * may hold it, and the data protection cleanup deletes it there.
		 */
		public static final String INTERVIEWS = "baselineAnalysisInterviews";

		// local to one interview (one instance of the multi-instance sub-process)
		public static final String EXPERT = "expert";
		public static final String EXPERT_NAME = "expertName";
		public static final String EXPERT_ROLE = "expertRole";
		public static final String EXPERT_EMAIL = "expertEmail";
		public static final String INTERVIEW_DATE = "interviewDate";
		public static final String INTERVIEW_NOTES = "interviewNotes";
		public static final String INTERVIEW_POSTPONED = "interviewPostponed";
		public static final String INTERVIEW_NEW_DATE = "interviewNewDate";
		public static final String INTERVIEW_NEW_TIME = "interviewNewTime";
		public static final String INTERVIEW_NEW_LOCATION = "interviewNewLocation";
		/** The UID of the interview's calendar entry: the first task's id, kept when the interview moves. */
		public static final String INTERVIEW_MEETING_UID = "interviewMeetingUid";

		// keys of the maps in EXPERTS and INTERVIEWS
		public static final String NAME = "name";
		public static final String ROLE = "role";
		public static final String EMAIL = "email";
		public static final String DATE = "date";
		public static final String NOTES = "notes";

		// further keys of the rows of INTERVIEW_SCHEDULE
		public static final String TIME = "time";
		public static final String LOCATION = "location";
		public static final String DATE_OPEN = "dateOpen";

		// documents
		public static final String DOCUMENTS = "baselineAnalysisDocuments";
		public static final String DOCUMENT_ANALYSIS = "baselineAnalysisDocumentAnalysis";

		// Standortbestimmung: one variable per core element, see assessment(CoreElement)
		public static final String ASSESSMENT_PREFIX = "baselineAssessment";
		public static final String ASSESSMENT_NOTE = "baselineAssessmentNote";
		/** Markdown list "- Strategische Ziele: Typ 2", for later forms. */
		public static final String ASSESSMENT_SUMMARY = "baselineAssessmentSummary";
		public static final String ASSESSMENT_DATE = "baselineAssessmentDate";

		// results, out to the parent
		public static final String RECOMMENDATIONS = "recommendations";
		public static final String RESULT_REPORT_LINK = "resultReportLink";
		public static final String RESULT_REPORT_DATE = "resultReportDate";
		public static final String RESULT_REPORT_FEEDBACK = "resultReportFeedback";
		public static final String RESULT_REPORT_RECEIVED_AT = "resultReportReceivedAt";

		private Vars() {
		}

		/** The development type (select value "1" to "4") of one core element, e.g. baselineAssessmentStrategicGoals. */
		public static String assessment(CoreElement element) {
			return ASSESSMENT_PREFIX + element.capitalizedId();
		}

	}


	/**
	 * The variables the code reads and writes, typed (see {@link ProcessVariable}); their names are the
	 * {@link Vars}.
	 */
	public static final class Typed {

		/** The agency's proposal, a form's dynamic list. */
		public static final ProcessVariable<List<Map<String, Object>>> EXPERT_PROPOSAL = ProcessVariable.rows(Vars.EXPERT_PROPOSAL);
		/** The Kommune's selection, a form's dynamic list (prefilled with the proposal). */
		public static final ProcessVariable<List<Map<String, Object>>> EXPERT_SELECTION = ProcessVariable.rows(Vars.EXPERT_SELECTION);
		/** The list the interviews run over (multi-instance collection), stored as the list it is. */
		@SuppressWarnings("rawtypes")
		public static final ProcessVariable<List> EXPERTS = ProcessVariable.object(Vars.EXPERTS, List.class);
		/** The interview schedule, a form's dynamic list (one row per selected expert). */
		public static final ProcessVariable<List<Map<String, Object>>> INTERVIEW_SCHEDULE = ProcessVariable
			.rows(Vars.INTERVIEW_SCHEDULE);
		public static final ProcessVariable<String> INTERVIEW_APPOINTMENT = ProcessVariable.text(Vars.INTERVIEW_APPOINTMENT);

		// local to one interview
		/** One element of {@link #EXPERTS}: the interview's expert. */
		@SuppressWarnings("rawtypes")
		public static final ProcessVariable<Map> EXPERT = ProcessVariable.object(Vars.EXPERT, Map.class);
		public static final ProcessVariable<String> EXPERT_NAME = ProcessVariable.text(Vars.EXPERT_NAME);
		public static final ProcessVariable<String> EXPERT_ROLE = ProcessVariable.text(Vars.EXPERT_ROLE);
		public static final ProcessVariable<String> EXPERT_EMAIL = ProcessVariable.text(Vars.EXPERT_EMAIL);
		public static final ProcessVariable<LocalDate> INTERVIEW_DATE = ProcessVariable.day(Vars.INTERVIEW_DATE);
		public static final ProcessVariable<String> INTERVIEW_NOTES = ProcessVariable.text(Vars.INTERVIEW_NOTES);
		public static final ProcessVariable<Boolean> INTERVIEW_POSTPONED = ProcessVariable.flag(Vars.INTERVIEW_POSTPONED);
		public static final ProcessVariable<LocalDate> INTERVIEW_NEW_DATE = ProcessVariable.day(Vars.INTERVIEW_NEW_DATE);
		/** hh:mm as the form's time picker sends it. */
		public static final ProcessVariable<String> INTERVIEW_NEW_TIME = ProcessVariable.text(Vars.INTERVIEW_NEW_TIME);
		public static final ProcessVariable<String> INTERVIEW_NEW_LOCATION = ProcessVariable.text(Vars.INTERVIEW_NEW_LOCATION);
		public static final ProcessVariable<String> INTERVIEW_MEETING_UID = ProcessVariable.text(Vars.INTERVIEW_MEETING_UID);

		// Standortbestimmung
		public static final ProcessVariable<String> ASSESSMENT_NOTE = ProcessVariable.text(Vars.ASSESSMENT_NOTE);
		public static final ProcessVariable<String> ASSESSMENT_SUMMARY = ProcessVariable.text(Vars.ASSESSMENT_SUMMARY);
		/** When the profile was taken. */
		public static final ProcessVariable<Date> ASSESSMENT_DATE = ProcessVariable.moment(Vars.ASSESSMENT_DATE);

		/** The day the result report was written. */
		public static final ProcessVariable<LocalDate> RESULT_REPORT_DATE = ProcessVariable.day(Vars.RESULT_REPORT_DATE);

		/** When the Kommune confirmed receipt of the result report. */
		public static final ProcessVariable<Date> RESULT_REPORT_RECEIVED_AT = ProcessVariable.moment(Vars.RESULT_REPORT_RECEIVED_AT);

		private Typed() {
		}

		/** The development type of one core element, as the form's select stores it. */
		public static ProcessVariable<MaturityLevel> assessment(CoreElement element) {
			return MaturityLevel.variable(Vars.assessment(element));
		}

	}

}
