package de.kooperation.analysis;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Refused task completions, worded like the server-side form check: the task stays open, the
 * transaction rolls back, REST answers 400 and Tasklist shows the German message.
 */
final class Refusals {

	private Refusals() {
	}

	static FormFieldValidationException refuse(DelegateTask task, String formId, List<String> problems) {
		return new FormFieldValidationException(formId,
				"Die Aufgabe „" + task.getName() + "“ kann nicht abgeschlossen werden: " + String.join(" ", problems));
	}

}
