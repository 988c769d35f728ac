package de.kooperation.plan;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.ImplementationProcess;
import de.kooperation.shared.ProcessVariable;

/**
 * The meeting decides, the plan follows: when "Ergebnisse des Review- (Strategie-)gesprächs
 * festhalten" is completed, the decisions typed into "Beschlüsse zum Zeitplan" are applied to the
 * Kommune's plan, each recorded with who recorded the meeting and "beschlossen in der Sitzung vom
 * …" (the meeting's day). A line that cannot be taken refuses the completion with the line named,
 * and nothing is applied (one transaction with the completion). The variable is removed once
 * applied, so the next meeting's form starts empty; its history keeps what was typed.
 */
@Component("planDecisionsListener")
class PlanDecisionsListener implements TaskListener {

	/** The form field. */
	static final String DECISIONS = ImplementationProcess.Vars.PLAN_DECISIONS;

	/** The decisions as the form sends them, one per line (see {@link MeetingDecisions}). */
	private static final ProcessVariable<String> DECISIONS_TEXT = ProcessVariable.text(DECISIONS);

	private final Plans plans;

	PlanDecisionsListener(Plans plans) {
		this.plans = plans;
	}

	@Override
	public void notify(DelegateTask task) {
		String decisions = DECISIONS_TEXT.from(task).orNull();
		if (decisions == null) {
			return;
		}
		boolean strategy = ImplementationProcess.Elements.RECORD_STRATEGY_MEETING.equals(task.getTaskDefinitionKey());
		LocalDate day = (strategy ? ImplementationProcess.Typed.STRATEGY_MEETING_DATE : ImplementationProcess.Typed.REVIEW_MEETING_DATE)
			.from(task).orNull();
		String municipalityId = CollaborationProcess.Typed.MUNICIPALITY_ID.from(task).orNull();
		List<String> problems = plans.decide(municipalityId, decisions, day == null ? Plans.today() : day,
				strategy ? "Strategiegespräch" : "Reviewgespräch", recorder(task));
		if (!problems.isEmpty()) {
			throw new FormFieldValidationException(DECISIONS, "Die Aufgabe „" + task.getName()
					+ "“ kann nicht abgeschlossen werden. Beschlüsse zum Zeitplan: " + String.join(" ", problems));
		}
		task.removeVariable(DECISIONS);
	}

	private static String recorder(DelegateTask task) {
		String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
		if (user == null) {
			user = task.getAssignee();
		}
		return user == null ? "unbekannt" : user;
	}

}
