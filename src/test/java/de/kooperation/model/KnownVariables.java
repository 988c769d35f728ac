package de.kooperation.model;

import static de.kooperation.shared.CollaborationProcess.Vars.*;
import static java.util.Map.entry;

import java.util.Map;

import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.RevisionProcess;

/**
 * Variables a gateway may read although no form sets them: set by Java code (listeners,
 * delegates, services), not by a user. Keep this list short and explicit; every entry names
 * who sets the variable. A variable a form sets does not belong here: the model test finds it
 * in the form of the earlier user task.
 */
final class KnownVariables {

	/** Name -> who sets it. */
	static final Map<String, String> SET_BY_CODE = Map.ofEntries(
			// shared: CollaborationStartListener sets them at the start of every collaboration,
			// call activities pass them on to every called process (camunda:in variables="all")
			entry(MUNICIPALITY_ID, "CollaborationStartListener"),
			entry(MUNICIPALITY_NAME, "CollaborationStartListener"),
			entry(FEDERAL_STATE, "CollaborationStartListener"),
			entry(MUNICIPALITY_GROUP, "CollaborationStartListener"),
			entry(MUNICIPALITY_LEADERSHIP_GROUP, "CollaborationStartListener"),
			entry(FUNDING_END, "CollaborationStartListener"),
			// optional at the start (REST API / start form); a gateway must handle its absence
			entry(TRANSFER_MANAGER, "CollaborationService.start / start form"),
			// set with the termination message by CollaborationService.terminate
			entry(TERMINATED_BY, "CollaborationService.terminate (termination message)"),
			entry(TERMINATION_REASON, "CollaborationService.terminate (termination message)"));

	/**
	 * Set by listeners of a called process through names the model test cannot follow (an accessor of
	 * {@code agreement/AgreementCycle}, not a constant); name -> who sets it.
	 */
	static final Map<String, String> SET_BY_CALLED_PROCESS_CODE = Map.ofEntries(
			entry(AgreementProcess.Vars.AGREEMENT_REVIEW_ROUNDS, "AgreementCycleStartListener, ReviewRoundListener"),
			entry(RevisionProcess.Vars.REVISION_REVIEW_ROUNDS, "AgreementCycleStartListener, ReviewRoundListener"));

	private KnownVariables() {
	}

}
