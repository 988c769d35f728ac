package de.kooperation.agreement;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.ImplementationProcess;
import de.kooperation.shared.ProcessVariable;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.RevisionProcess;

/**
 * The tasks a milestone can be linked to, in the order of the collaboration: when such a task is
 * completed for the Kommune, the milestone of the Zielvereinbarung in force that names it is
 * closed, and so are its reminders. The draft editor offers them by their German label.
 * <ul>
 * <li>A signing counts when both sides have signed and the version is in force (the link names
 * the agency's signing task; the Kommune's closes the same milestones).</li>
 * <li>A Sondierungsgespräch counts when it was held, not when it was postponed.</li>
 * <li>Of the expert interviews (one task per expert) the last one counts.</li>
 * </ul>
 */
public final class MilestoneTasks {

	/**
	 * One task to choose from.
	 *
	 * @param unlessTrue a Boolean variable that, when true at completion, means the task did not
	 *        fulfil anything yet (a postponed meeting); null if none
	 */
	public record Option(String taskKey, String label, ProcessVariable<Boolean> unlessTrue) {
	}

	public static final List<Option> OPTIONS = List.of(
			new Option(CollaborationProcess.Elements.INTRODUCTORY_TALKS, "Einleitende Gespräche geführt", null),
			new Option(AgreementProcess.Elements.SIGN_AGENCY, "Zielvereinbarung von beiden Seiten unterzeichnet", null),
			new Option(CollaborationProcess.Elements.EXPLORATORY_MEETING, "Sondierungsgespräch durchgeführt",
					CollaborationProcess.Typed.EXPLORATORY_MEETING_POSTPONED),
			new Option(BaselineAnalysisProcess.Elements.SELECT_EXPERTS, "Interviewpartner/innen ausgewählt", null),
			new Option(BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW, "Alle Experteninterviews geführt", null),
			new Option(BaselineAnalysisProcess.Elements.HAND_OVER_DOCUMENTS, "Daten und Dokumente bereitgestellt", null),
			new Option(BaselineAnalysisProcess.Elements.ASSESS_POSITION, "Standortbestimmung vorgenommen", null),
			new Option(BaselineAnalysisProcess.Elements.DERIVE_RECOMMENDATIONS, "Handlungsempfehlungen erarbeitet", null),
			new Option(BaselineAnalysisProcess.Elements.WRITE_RESULT_REPORT, "Ergebnisbericht erstellt", null),
			new Option(BaselineAnalysisProcess.Elements.RECEIVE_RESULT_REPORT, "Ergebnisbericht von der Kommune entgegengenommen",
					null),
			new Option(CollaborationProcess.Elements.HOLD_DISCOURSE, "Handlungsempfehlungen rückgespiegelt (Diskurs)", null),
			new Option(CollaborationProcess.Elements.CONCRETISE_GOALS, "Ziele und Maßnahmen konkretisiert", null),
			new Option(CollaborationProcess.Elements.PREPARE_TRANSFER_PLAN, "Individueller Transferplan erstellt", null),
			new Option(RevisionProcess.Elements.SIGN_AGENCY, "Fortschreibung von beiden Seiten unterzeichnet", null),
			new Option(ImplementationProcess.Elements.RECORD_REVIEW_MEETING, "Reviewgespräch geführt", null),
			new Option(ImplementationProcess.Elements.RECORD_STRATEGY_MEETING, "Strategiegespräch geführt", null),
			new Option(ImplementationProcess.Elements.ARRANGE_SUPPORT, "Qualifizierung oder Expertenvermittlung organisiert", null),
			new Option(ImplementationProcess.Elements.GIVE_FEEDBACK, "Rückmeldung der Kommune zur Zusammenarbeit", null),
			new Option(ImplementationProcess.Elements.COORDINATE_EXCHANGE, "Wissenstransfer und Öffentlichkeitsarbeit abgestimmt",
					null),
			new Option(CollaborationProcess.Elements.FINAL_REPORT, "Abschlussbericht an den Projektträger", null));

	private static final Set<String> AGREEMENT_SIGNING = Set.of(AgreementProcess.Elements.SIGN_AGENCY,
			AgreementProcess.Elements.SIGN_MUNICIPALITY);

	private static final Set<String> REVISION_SIGNING = Set.of(RevisionProcess.Elements.SIGN_AGENCY,
			RevisionProcess.Elements.SIGN_MUNICIPALITY);

	private MilestoneTasks() {
	}

	/** The option of a task key; the Kommune's signing tasks stand for the signing as a whole. */
	public static Optional<Option> option(String taskKey) {
		String key = AgreementProcess.Elements.SIGN_MUNICIPALITY.equals(taskKey) ? AgreementProcess.Elements.SIGN_AGENCY
				: RevisionProcess.Elements.SIGN_MUNICIPALITY.equals(taskKey) ? RevisionProcess.Elements.SIGN_AGENCY : taskKey;
		return OPTIONS.stream().filter(option -> option.taskKey().equals(key)).findFirst();
	}

	/** The German label of a task key, empty for none or an unknown one. */
	public static Optional<String> label(String taskKey) {
		return taskKey == null ? Optional.empty() : option(taskKey).map(Option::label);
	}

	/** A task key the editor offers, or null (empty or unknown). */
	public static String known(String taskKey) {
		return option(taskKey).map(Option::taskKey).orElse(null);
	}

	/** The signing tasks: they count only once both sides have signed (see SigningDelegate). */
	static boolean signing(String taskKey) {
		return AGREEMENT_SIGNING.contains(taskKey) || REVISION_SIGNING.contains(taskKey);
	}

	/** The signing tasks of the first agreement or of a revision. */
	static Set<String> signingTasks(boolean revision) {
		return revision ? REVISION_SIGNING : AGREEMENT_SIGNING;
	}

}
