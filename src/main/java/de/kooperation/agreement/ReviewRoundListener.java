package de.kooperation.agreement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The Kommune's review of a draft. On create: the next round begins, counted, with the
 * decision of the previous round cleared (so the form does not open with "changes wanted"
 * ticked). On complete: changes wanted without saying which is refused; the form can only
 * show the field conditionally, not require it conditionally.
 */
class ReviewRoundListener implements TaskListener {

	private final AgreementCycle cycle;

	ReviewRoundListener(AgreementCycle cycle) {
		this.cycle = cycle;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			cycle.reviewRounds().on(task).set(cycle.reviewRounds().from(task).orElse(0) + 1);
			cycle.changesRequested().on(task).set(false);
			cycle.changeRequests().on(task).remove();
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			boolean changesRequested = cycle.changesRequested().from(task).orElse(false);
			if (changesRequested && cycle.changeRequests().from(task).isBlank()) {
				throw TaskRefusal.of(task, "Wenn Änderungen gewünscht sind, bitte die Änderungswünsche beschreiben.");
			}
		}
	}

}
