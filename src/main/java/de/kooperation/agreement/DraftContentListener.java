package de.kooperation.agreement;

import static de.kooperation.shared.AgreementProcess.Vars.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.form.FormRules;

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
		String municipalityId = (String) task.getVariable(CollaborationProcess.Vars.MUNICIPALITY_ID);
		AgreementVersion draft = agreements.openDraft(municipalityId);
		List<Goal> goals = draft.goals();
		if (goals.isEmpty()) {
			throw TaskRefusal.of(task, NO_GOAL);
		}
		agreements.saveDraftFrame(municipalityId, text(task, AGREEMENT_DOCUMENT_LINK),
				FormRules.toDate(task.getVariable(AGREEMENT_PERIOD_START)), FormRules.toDate(task.getVariable(AGREEMENT_PERIOD_END)),
				text(task, AGREEMENT_MUNICIPALITY_CONTACTS), text(task, AGREEMENT_AGENCY_CONTACTS));
		task.getExecution().setVariable(AGREEMENT_GOALS, AgreementText.goalSummary(goals));
		task.getExecution().setVariable(AGREEMENT_MILESTONES, AgreementText.milestoneSummary(draft.milestones()));
	}

	private static String text(DelegateTask task, String variable) {
		Object value = task.getVariable(variable);
		return value == null || value.toString().isBlank() ? null : value.toString();
	}

}
