package de.kooperation.agreement;

import static de.kooperation.shared.AgreementProcess.Typed.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.ProcessVariable;

/**
 * Completing a drafting task (first draft, rework, revision draft and its rework): the draft in
 * the database must hold at least one goal; the goals and milestones are entered as rows on the
 * draft page, never parsed from typed lines. The form's document link, time frame and contacts
 * are taken over, and the overviews the review and signing forms show are made from the lists
 * every time, so they never disagree with what is signed.
 */
class DraftContentListener implements TaskListener {

	static final String NO_GOAL = "Die Zielvereinbarung enthält noch kein Ziel. Bitte die Ziele auf der Seite "
			+ "„Ziele und Meilensteinplan bearbeiten“ (Link im Formular) eintragen.";

	private final Agreements agreements;

	DraftContentListener(Agreements agreements) {
		this.agreements = agreements;
	}

	@Override
	public void notify(DelegateTask task) {
		String municipalityId = CollaborationProcess.Typed.MUNICIPALITY_ID.from(task).orNull();
		AgreementVersion draft = agreements.openDraft(municipalityId);
		List<Goal> goals = draft.goals();
		if (goals.isEmpty()) {
			throw TaskRefusal.of(task, NO_GOAL);
		}
		agreements.saveDraftFrame(municipalityId, text(task, AGREEMENT_DOCUMENT_LINK),
				AGREEMENT_PERIOD_START.from(task).orNull(), AGREEMENT_PERIOD_END.from(task).orNull(),
				text(task, AGREEMENT_MUNICIPALITY_CONTACTS), text(task, AGREEMENT_AGENCY_CONTACTS));
		AGREEMENT_GOALS.on(task.getExecution()).set(AgreementText.goalSummary(goals));
		AGREEMENT_MILESTONES.on(task.getExecution()).set(AgreementText.milestoneSummary(draft.milestones()));
	}

	/** A text field's value, null when nothing was entered. */
	private static String text(DelegateTask task, ProcessVariable<String> variable) {
		ProcessVariable.Value<String> value = variable.from(task);
		return value.isBlank() ? null : value.get();
	}

}
