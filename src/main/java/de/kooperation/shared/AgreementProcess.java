package de.kooperation.shared;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * Key, element ids and variable names of the process {@code agreement}
 * ("Zielvereinbarung abschließen"), called by the main process as {@code call_agreement}.
 * <p>
 * The content variables (link, goals, milestones, time frame, contacts) and the version
 * variables describe the Zielvereinbarung in force; the revision process updates the same
 * variables, so each draft form opens with the current version filled in.
 */
public final class AgreementProcess {

	public static final String KEY = "agreement";

	/** Version number of the first signed Zielvereinbarung. */
	public static final int FIRST_VERSION = 1;

	private AgreementProcess() {
	}

	/** Element ids, as in processes/agreement.bpmn. */
	public static final class Elements {

		public static final String START = "start_agreement";
		public static final String DRAFT = "user_draft_agreement";
		public static final String GATEWAY_REVIEW_LOOP = "gateway_review_loop";
		public static final String REVIEW = "user_review_agreement";
		public static final String GATEWAY_CHANGES_REQUESTED = "gateway_changes_requested";
		public static final String REVISE = "user_revise_agreement";
		public static final String GATEWAY_SIGNING_SPLIT = "gateway_signing_split";
		public static final String SIGN_AGENCY = "user_sign_agreement_agency";
		public static final String SIGN_MUNICIPALITY = "user_sign_agreement_municipality";
		public static final String GATEWAY_SIGNING_JOIN = "gateway_signing_join";
		public static final String RECORD_SIGNING = "service_record_signing";
		public static final String END = "end_agreement_concluded";

		private Elements() {
		}

	}

	/** Variable names. */
	public static final class Vars {

		// the Zielvereinbarung in force (also written by the revision process)
		public static final String AGREEMENT_DOCUMENT_LINK = "agreementDocumentLink";
		public static final String AGREEMENT_GOALS = "agreementGoals";
		public static final String AGREEMENT_MILESTONES = "agreementMilestones";
		public static final String AGREEMENT_PERIOD_START = "agreementPeriodStart";
		public static final String AGREEMENT_PERIOD_END = "agreementPeriodEnd";
		public static final String AGREEMENT_MUNICIPALITY_CONTACTS = "agreementMunicipalityContacts";
		public static final String AGREEMENT_AGENCY_CONTACTS = "agreementAgencyContacts";

		// output: version in force and when it was signed (also written by the revision process)
		public static final String AGREEMENT_VERSION = "agreementVersion";
		public static final String AGREEMENT_SIGNED_DATE = "agreementSignedDate";
		public static final String AGREEMENT_PREVIOUS_VERSION = "agreementPreviousVersion";
		public static final String AGREEMENT_PREVIOUS_SIGNED_DATE = "agreementPreviousSignedDate";

		// draft and review rounds
		public static final String AGREEMENT_DRAFT_NOTES = "agreementDraftNotes";
		public static final String AGREEMENT_REVIEW_ROUNDS = "agreementReviewRounds";
		public static final String AGREEMENT_CHANGES_REQUESTED = "agreementChangesRequested";
		public static final String AGREEMENT_CHANGE_REQUESTS = "agreementChangeRequests";
		public static final String AGREEMENT_REWORK_NOTES = "agreementReworkNotes";

		// signing
		public static final String AGREEMENT_AGENCY_SIGNED_DATE = "agreementAgencySignedDate";
		public static final String AGREEMENT_AGENCY_SIGNATORY = "agreementAgencySignatory";
		public static final String AGREEMENT_MUNICIPALITY_SIGNED_DATE = "agreementMunicipalitySignedDate";
		public static final String AGREEMENT_MUNICIPALITY_SIGNATORY = "agreementMunicipalitySignatory";

		// publicity around the signing, at the Verwaltungsspitze's discretion
		public static final String AGREEMENT_PUBLICITY_WANTED = "agreementPublicityWanted";
		public static final String AGREEMENT_PUBLICITY_WISHES = "agreementPublicityWishes";
		// set by the main process's publicity tasks beside the Sondierung
		public static final String AGREEMENT_PUBLICITY_MEASURES = "agreementPublicityMeasures";
		public static final String AGREEMENT_PUBLICITY_DATE = "agreementPublicityDate";
		public static final String AGREEMENT_PUBLICITY_SUPPORT = "agreementPublicitySupport";

		private Vars() {
		}

	}


	/**
	 * The variables the code reads and writes, typed (see {@link ProcessVariable}); their names are the
	 * {@link Vars}.
	 */
	public static final class Typed {

		public static final ProcessVariable<String> AGREEMENT_DOCUMENT_LINK = ProcessVariable.text(Vars.AGREEMENT_DOCUMENT_LINK);
		/** The goals as text: the drafting form's field, or the summary of the goals in the app's tables. */
		public static final ProcessVariable<String> AGREEMENT_GOALS = ProcessVariable.text(Vars.AGREEMENT_GOALS);
		public static final ProcessVariable<String> AGREEMENT_MILESTONES = ProcessVariable.text(Vars.AGREEMENT_MILESTONES);
		public static final ProcessVariable<LocalDate> AGREEMENT_PERIOD_START = ProcessVariable.day(Vars.AGREEMENT_PERIOD_START);
		public static final ProcessVariable<LocalDate> AGREEMENT_PERIOD_END = ProcessVariable.day(Vars.AGREEMENT_PERIOD_END);
		public static final ProcessVariable<String> AGREEMENT_MUNICIPALITY_CONTACTS = ProcessVariable
			.text(Vars.AGREEMENT_MUNICIPALITY_CONTACTS);
		public static final ProcessVariable<String> AGREEMENT_AGENCY_CONTACTS = ProcessVariable.text(Vars.AGREEMENT_AGENCY_CONTACTS);

		public static final ProcessVariable<Integer> AGREEMENT_VERSION = ProcessVariable.integer(Vars.AGREEMENT_VERSION);
		/** The start of the day the version came into force, German time. */
		public static final ProcessVariable<Date> AGREEMENT_SIGNED_DATE = ProcessVariable.moment(Vars.AGREEMENT_SIGNED_DATE);
		public static final ProcessVariable<Integer> AGREEMENT_PREVIOUS_VERSION = ProcessVariable.integer(Vars.AGREEMENT_PREVIOUS_VERSION);
		public static final ProcessVariable<Date> AGREEMENT_PREVIOUS_SIGNED_DATE = ProcessVariable
			.moment(Vars.AGREEMENT_PREVIOUS_SIGNED_DATE);

		public static final ProcessVariable<Integer> AGREEMENT_REVIEW_ROUNDS = ProcessVariable.integer(Vars.AGREEMENT_REVIEW_ROUNDS);
		public static final ProcessVariable<Boolean> AGREEMENT_CHANGES_REQUESTED = ProcessVariable.flag(Vars.AGREEMENT_CHANGES_REQUESTED);
		public static final ProcessVariable<String> AGREEMENT_CHANGE_REQUESTS = ProcessVariable.text(Vars.AGREEMENT_CHANGE_REQUESTS);

		public static final ProcessVariable<Boolean> AGREEMENT_PUBLICITY_WANTED = ProcessVariable.flag(Vars.AGREEMENT_PUBLICITY_WANTED);

		public static final ProcessVariable<LocalDate> AGREEMENT_AGENCY_SIGNED_DATE = ProcessVariable
			.day(Vars.AGREEMENT_AGENCY_SIGNED_DATE);
		public static final ProcessVariable<LocalDate> AGREEMENT_MUNICIPALITY_SIGNED_DATE = ProcessVariable
			.day(Vars.AGREEMENT_MUNICIPALITY_SIGNED_DATE);

		private Typed() {
		}

	}

}
