package de.kooperation.agreement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A refused task completion, worded like the server-side form check; the exception type makes
 * /engine-rest answer 400 and rolls the completion back.
 */
final class TaskRefusal {

	private TaskRefusal() {
	}

	static FormFieldValidationException of(DelegateTask task, String reason) {
		return new FormFieldValidationException(task.getTaskDefinitionKey(),
				"Die Aufgabe „" + task.getName() + "“ kann nicht abgeschlossen werden: " + reason);
	}

}
