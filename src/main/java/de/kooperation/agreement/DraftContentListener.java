package de.kooperation.agreement;

import static de.kooperation.shared.AgreementProcess.Typed.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.ProcessVariable;

/**
 * Completing a drafting task (first draft, rework, revision draft and its rework): the draft in
 * the database must hold at least one goal. Goals typed into the form's short text become list
 * items while the list is empty; the form's document link, time frame and contacts are taken
 * over; and the form variables that the review and signing forms show are filled from the list
 * where the task left them empty.
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
		List<Milestone> milestones = draft.milestones();
		if (goals.isEmpty()) {
			goals = AgreementText.goals(text(task, AGREEMENT_GOALS));
			if (milestones.isEmpty()) {
				milestones = AgreementText.milestones(text(task, AGREEMENT_MILESTONES));
			}
			if (goals.isEmpty()) {
				throw TaskRefusal.of(task, NO_GOAL);
			}
			agreements.saveDraftContent(municipalityId, goals, milestones, draft.municipalityDuties(), draft.agencyDuties());
		}
		agreements.saveDraftFrame(municipalityId, text(task, AGREEMENT_DOCUMENT_LINK),
				AGREEMENT_PERIOD_START.from(task).orNull(), AGREEMENT_PERIOD_END.from(task).orNull(),
				text(task, AGREEMENT_MUNICIPALITY_CONTACTS), text(task, AGREEMENT_AGENCY_CONTACTS));
		if (text(task, AGREEMENT_GOALS) == null) {
			AGREEMENT_GOALS.on(task.getExecution()).set(AgreementText.goalSummary(goals));
		}
		if (text(task, AGREEMENT_MILESTONES) == null) {
			AGREEMENT_MILESTONES.on(task.getExecution()).set(AgreementText.milestoneSummary(milestones));
		}
	}

	/** A text field's value, null when nothing was entered. */
	private static String text(DelegateTask task, ProcessVariable<String> variable) {
		ProcessVariable.Value<String> value = variable.from(task);
		return value.isBlank() ? null : value.get();
	}

}
