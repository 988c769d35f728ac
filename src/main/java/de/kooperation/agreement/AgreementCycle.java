package de.kooperation.agreement;

import java.util.List;

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
 * @param clearedAtStart variables of an earlier run that must not prefill this run's forms
 */
record AgreementCycle(boolean revision, String reviewRounds,
		String changesRequested, String changeRequests, String agencySignedDate, String municipalitySignedDate,
		List<String> decisions, List<String> clearedAtStart) {
}
