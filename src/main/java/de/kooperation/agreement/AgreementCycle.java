package de.kooperation.agreement;

import java.time.LocalDate;
import java.util.List;

import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.ProcessVariable;
import de.kooperation.shared.RevisionProcess;

/**
 * One cycle of drafting, reviewing (any number of change-request rounds) and signing a version
 * of the Zielvereinbarung. Agreement and revision run the same cycle under their own variable
 * names (a stale decision of one must never steer the other), so the shared listeners and
 * delegates are told the names by this description.
 *
 * @param revision whether the cycle replaces a signed version (version + 1) or makes the first
 * @param reviewRounds counter of review rounds (1 on the first review)
 * @param changesRequested the review's decision: changes wanted
 * @param changeRequests the review's change requests (required when changes are wanted)
 * @param agencySignedDate the date the TA Projektleitung signed
 * @param municipalitySignedDate the date the Verwaltungsspitze signed
 * @param decisions Boolean decisions that start as {@code false} (a form that omits the checkbox
 *        means "no")
 * @param clearedAtStart names of variables of an earlier run that must not prefill this run's forms
 */
record AgreementCycle(boolean revision, ProcessVariable<Integer> reviewRounds,
		ProcessVariable<Boolean> changesRequested, ProcessVariable<String> changeRequests,
		ProcessVariable<LocalDate> agencySignedDate, ProcessVariable<LocalDate> municipalitySignedDate,
		List<ProcessVariable<Boolean>> decisions, List<String> clearedAtStart) {

	/** How the shared listeners and delegates treat the first agreement. */
	static final AgreementCycle AGREEMENT = new AgreementCycle(false, AgreementProcess.Typed.AGREEMENT_REVIEW_ROUNDS,
			AgreementProcess.Typed.AGREEMENT_CHANGES_REQUESTED, AgreementProcess.Typed.AGREEMENT_CHANGE_REQUESTS,
			AgreementProcess.Typed.AGREEMENT_AGENCY_SIGNED_DATE, AgreementProcess.Typed.AGREEMENT_MUNICIPALITY_SIGNED_DATE,
			List.of(AgreementProcess.Typed.AGREEMENT_CHANGES_REQUESTED, AgreementProcess.Typed.AGREEMENT_PUBLICITY_WANTED),
			List.of(AgreementProcess.Vars.AGREEMENT_CHANGE_REQUESTS, AgreementProcess.Vars.AGREEMENT_REWORK_NOTES, AgreementProcess.Vars.AGREEMENT_AGENCY_SIGNED_DATE,
					AgreementProcess.Vars.AGREEMENT_AGENCY_SIGNATORY, AgreementProcess.Vars.AGREEMENT_MUNICIPALITY_SIGNED_DATE,
					AgreementProcess.Vars.AGREEMENT_MUNICIPALITY_SIGNATORY, AgreementProcess.Vars.AGREEMENT_PUBLICITY_WISHES));

	/** How the shared listeners and delegates treat the revisions. */
	static final AgreementCycle REVISION = new AgreementCycle(true, RevisionProcess.Typed.REVISION_REVIEW_ROUNDS,
			RevisionProcess.Typed.REVISION_CHANGES_REQUESTED, RevisionProcess.Typed.REVISION_CHANGE_REQUESTS,
			RevisionProcess.Typed.REVISION_AGENCY_SIGNED_DATE, RevisionProcess.Typed.REVISION_MUNICIPALITY_SIGNED_DATE,
			List.of(RevisionProcess.Typed.REVISION_CHANGES_REQUESTED),
			// values of an earlier revision must not prefill this one's forms
			List.of(RevisionProcess.Vars.REVISION_MUNICIPALITY_GOALS, RevisionProcess.Vars.REVISION_MUNICIPALITY_MILESTONES, RevisionProcess.Vars.REVISION_STAKEHOLDERS,
					RevisionProcess.Vars.REVISION_COORDINATION_DATE, RevisionProcess.Vars.REVISION_AGENCY_NOTES, RevisionProcess.Vars.REVISION_CHANGE_SUMMARY,
					RevisionProcess.Vars.REVISION_CHANGE_REQUESTS, RevisionProcess.Vars.REVISION_REWORK_NOTES, RevisionProcess.Vars.REVISION_AGENCY_SIGNED_DATE,
					RevisionProcess.Vars.REVISION_AGENCY_SIGNATORY, RevisionProcess.Vars.REVISION_MUNICIPALITY_SIGNED_DATE,
					RevisionProcess.Vars.REVISION_MUNICIPALITY_SIGNATORY));

}
