package de.kooperation.agreement;

import static de.kooperation.shared.AgreementProcess.Typed.AGREEMENT_PERIOD_END;
import static de.kooperation.shared.AgreementProcess.Typed.AGREEMENT_PERIOD_START;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Every draft of a Zielvereinbarung: its time frame must end after it begins. */
class TimeFrameListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		LocalDate start = AGREEMENT_PERIOD_START.from(task).orNull();
		LocalDate end = AGREEMENT_PERIOD_END.from(task).orNull();
		if (start != null && end != null && !end.isAfter(start)) {
			throw TaskRefusal.of(task, "Das Ende des Zeitrahmens muss nach seinem Beginn liegen.");
		}
	}

}
