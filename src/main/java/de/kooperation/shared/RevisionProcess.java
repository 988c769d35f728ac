package de.kooperation.shared;

import java.time.LocalDate;
import java.util.List;

/**
 * Key, element ids and variable names of the process {@code revision}
 * ("Zielvereinbarung fortschreiben"), a reusable called process: the main process calls it
 * after the goals are concretised, the implementation process whenever goals change. It needs
 * a signed Zielvereinbarung ({@link Vars#AGREEMENT_VERSION}) and leaves version + 1.
 */
public final class RevisionProcess {

	public static final String KEY = "revision";

	private RevisionProcess() {
	}

	/** Element ids, as in processes/revision.bpmn. */
	public static final class Elements {

		public static final String START = "start_revision";
		public static final String GATEWAY_COORDINATION_SPLIT = "gateway_coordination_split";
		public static final String COORDINATE_MUNICIPALITY = "user_coordinate_revision_municipality";
		public static final String COORDINATE_AGENCY = "user_coordinate_revision_agency";
		public static final String GATEWAY_COORDINATION_JOIN = "gateway_coordination_join";
		public static final String DRAFT = "user_draft_revision";
		public static final String GATEWAY_REVIEW_LOOP = "gateway_review_loop";
		public static final String REVIEW = "user_review_revision";
		public static final String GATEWAY_CHANGES_REQUESTED = "gateway_changes_requested";
		public static final String REVISE = "user_revise_revision";
		public static final String GATEWAY_SIGNING_SPLIT = "gateway_signing_split";
		public static final String SIGN_AGENCY = "user_sign_revision_agency";
		public static final String SIGN_MUNICIPALITY = "user_sign_revision_municipality";
		public static final String GATEWAY_SIGNING_JOIN = "gateway_signing_join";
		public static final String RECORD_SIGNING = "service_record_signing";
		public static final String END = "end_revision_signed";

		private Elements() {
		}

	}

	/**
	 * Variable names. The Zielvereinbarung's content and version variables are those of
	 * {@link AgreementProcess.Vars}; the version ones are repeated here for readers of this class.
	 */
	public static final class Vars {

		// read at start, written at signing
		public static final String AGREEMENT_VERSION = AgreementProcess.Vars.AGREEMENT_VERSION;
		public static final String AGREEMENT_SIGNED_DATE = AgreementProcess.Vars.AGREEMENT_SIGNED_DATE;
		public static final String AGREEMENT_PREVIOUS_VERSION = AgreementProcess.Vars.AGREEMENT_PREVIOUS_VERSION;
		public static final String AGREEMENT_PREVIOUS_SIGNED_DATE = AgreementProcess.Vars.AGREEMENT_PREVIOUS_SIGNED_DATE;

		// joint coordination of the changes
		public static final String REVISION_MUNICIPALITY_GOALS = "revisionMunicipalityGoals";
		public static final String REVISION_MUNICIPALITY_MILESTONES = "revisionMunicipalityMilestones";
		public static final String REVISION_STAKEHOLDERS = "revisionStakeholders";
		public static final String REVISION_COORDINATION_DATE = "revisionCoordinationDate";
		public static final String REVISION_AGENCY_NOTES = "revisionAgencyNotes";

		// draft and review rounds
		public static final String REVISION_CHANGE_SUMMARY = "revisionChangeSummary";
		public static final String REVISION_REVIEW_ROUNDS = "revisionReviewRounds";
		public static final String REVISION_CHANGES_REQUESTED = "revisionChangesRequested";
		public static final String REVISION_CHANGE_REQUESTS = "revisionChangeRequests";
		public static final String REVISION_REWORK_NOTES = "revisionReworkNotes";

		// signing
		public static final String REVISION_AGENCY_SIGNED_DATE = "revisionAgencySignedDate";
		public static final String REVISION_AGENCY_SIGNATORY = "revisionAgencySignatory";
		public static final String REVISION_MUNICIPALITY_SIGNED_DATE = "revisionMunicipalitySignedDate";
		public static final String REVISION_MUNICIPALITY_SIGNATORY = "revisionMunicipalitySignatory";

		private Vars() {
		}

	}


	/**
	 * The variables of the revision's own cycle the code reads, typed (see {@link ProcessVariable}); those
	 * of the Zielvereinbarung are {@link AgreementProcess.Typed}.
	 */
	public static final class Typed {

		public static final ProcessVariable<String> REVISION_CHANGE_SUMMARY = ProcessVariable.text(Vars.REVISION_CHANGE_SUMMARY);
		public static final ProcessVariable<Integer> REVISION_REVIEW_ROUNDS = ProcessVariable.integer(Vars.REVISION_REVIEW_ROUNDS);
		public static final ProcessVariable<Boolean> REVISION_CHANGES_REQUESTED = ProcessVariable.flag(Vars.REVISION_CHANGES_REQUESTED);
		public static final ProcessVariable<String> REVISION_CHANGE_REQUESTS = ProcessVariable.text(Vars.REVISION_CHANGE_REQUESTS);
		public static final ProcessVariable<LocalDate> REVISION_AGENCY_SIGNED_DATE = ProcessVariable
			.day(Vars.REVISION_AGENCY_SIGNED_DATE);
		public static final ProcessVariable<LocalDate> REVISION_MUNICIPALITY_SIGNED_DATE = ProcessVariable
			.day(Vars.REVISION_MUNICIPALITY_SIGNED_DATE);

		private Typed() {
		}

	}

}
