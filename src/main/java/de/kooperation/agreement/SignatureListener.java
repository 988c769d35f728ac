package de.kooperation.agreement;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import de.kooperation.shared.ProcessVariable;

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
		for (ProcessVariable<LocalDate> signedDate : List.of(cycle.agencySignedDate(), cycle.municipalitySignedDate())) {
			LocalDate date = signedDate.from(task).orNull();
			if (date != null && date.isAfter(today)) {
				throw TaskRefusal.of(task, "Das Datum der Unterzeichnung darf nicht in der Zukunft liegen.");
			}
		}
	}

}
