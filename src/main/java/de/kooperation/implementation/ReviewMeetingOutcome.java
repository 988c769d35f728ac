package de.kooperation.implementation;

import static de.kooperation.shared.ImplementationProcess.Typed.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import de.kooperation.shared.ImplementationProcess.Forms;

/**
 * The decisions of a review meeting ("Unterstützung gewünscht?", "Ziele geändert?").
 * <ul>
 * <li>start of the task that records them: cleared, so the last meeting's ticks are neither
 * pre-filled in the form nor steer the gateways when a client leaves them out;</li>
 * <li>completion: who asks for support must say which (the form cannot express the condition).</li>
 * </ul>
 */
@Component("reviewMeetingOutcome")
class ReviewMeetingOutcome implements ExecutionListener, TaskListener {

	@Override
	public void notify(DelegateExecution execution) {
		SUPPORT_REQUESTED.on(execution).set(false);
		GOALS_CHANGED.on(execution).set(false);
	}

	@Override
	public void notify(DelegateTask task) {
		if (SUPPORT_REQUESTED.from(task).orElse(false) && REVIEW_MEETING_SUPPORT_NEEDS.from(task).isBlank()) {
			throw new FormFieldValidationException(Forms.RECORD_REVIEW_MEETING, "Die Aufgabe „" + task.getName()
					+ "“ kann nicht abgeschlossen werden: Bitte „Unterstützungsbedarf der Kommune“ beschreiben, "
					+ "wenn eine Qualifizierung oder Expertenvermittlung gewünscht ist.");
		}
	}

}
