package de.kooperation.agreement;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import de.kooperation.form.FormRules;

/**
 * A signature records when it was given: a signing date in the future is a typo or a plan,
 * not a signature, and is refused.
 */
class SignatureListener implements TaskListener {

	private final AgreementCycle cycle;

	SignatureListener(AgreementCycle cycle) {
		this.cycle = cycle;
	}

	@Override
	public void notify(DelegateTask task) {
		LocalDate today = AgreementVersions.today();
		for (String signedDate : new String[] { cycle.agencySignedDate(), cycle.municipalitySignedDate() }) {
			LocalDate date = FormRules.toDate(task.getVariable(signedDate));
			if (date != null && date.isAfter(today)) {
				throw TaskRefusal.of(task, "Das Datum der Unterzeichnung darf nicht in der Zukunft liegen.");
			}
		}
	}

}
