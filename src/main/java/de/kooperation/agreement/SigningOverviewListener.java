package de.kooperation.agreement;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.form.FormRules;

/**
 * Whoever signs sees what they sign: when a signing task is created, it gets the goals and the
 * milestone plan of the draft (with the deadlines that drive the reminders) as text for its form,
 * and the link to the PDF of exactly this draft. The draft cannot change while the signing tasks
 * are open (it is edited only during the drafting tasks).
 */
@Component("signingOverviewListener")
class SigningOverviewListener implements TaskListener {

	/** Local variables of the signing task, shown by the signing forms. */
	static final String CONTENT = "signingContent";

	static final String PDF_LINK = "signingPdfLink";

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	/** Room left for the form's own text: a text variable holds 4,000 characters. */
	private static final int ROOM = FormRules.MAX_TEXT_LENGTH - 200;

	private final Agreements agreements;

	SigningOverviewListener(Agreements agreements) {
		this.agreements = agreements;
	}

	@Override
	public void notify(DelegateTask task) {
		String municipalityId = CollaborationProcess.Typed.MUNICIPALITY_ID.from(task).orNull();
		AgreementVersion draft = agreements.draft(municipalityId).orElse(null);
		task.setVariableLocal(CONTENT, draft == null ? "Es liegt kein Entwurf vor." : overview(draft.goals(), draft.milestones()));
		task.setVariableLocal(PDF_LINK, "/kooperationen/" + municipalityId + "/zielvereinbarung.pdf");
	}

	/** The goals and the milestone plan as the form's Markdown, shortened with a pointer to the PDF. */
	static String overview(List<Goal> goals, List<Milestone> milestones) {
		StringBuilder text = new StringBuilder("**Ziele (Anlage 1)**\n\n");
		int number = 1;
		for (Goal goal : goals) {
			text.append(number++).append(". ").append(goal.title());
			if (goal.priority() != null) {
				text.append(" (Priorität ").append(goal.priority()).append(")");
			}
			if (goal.timeFrame() != null) {
				text.append(", Zeitrahmen ").append(goal.timeFrame());
			}
			text.append('\n');
		}
		text.append("\n**Meilensteinplan (Anlage 2)**\n\n");
		if (milestones.isEmpty()) {
			text.append("keine Meilensteine\n");
		}
		for (Milestone milestone : milestones) {
			text.append("- ").append(milestone.title());
			if (milestone.dueOn() != null) {
				text.append(" – Frist ").append(milestone.dueOn().format(GERMAN_DATE));
			}
			else if (milestone.period() != null) {
				text.append(" – ").append(milestone.period());
			}
			text.append('\n');
		}
		if (text.length() > ROOM) {
			return text.substring(0, ROOM) + "…\n\n(Der vollständige Text steht im PDF.)";
		}
		return text.toString();
	}

}
