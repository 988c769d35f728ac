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
			Object rounds = task.getVariable(cycle.reviewRounds());
			task.setVariable(cycle.reviewRounds(), (rounds instanceof Number n ? n.intValue() : 0) + 1);
			task.setVariable(cycle.changesRequested(), false);
			task.removeVariable(cycle.changeRequests());
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			boolean changesRequested = Boolean.TRUE.equals(task.getVariable(cycle.changesRequested()));
			if (changesRequested && isBlank(task.getVariable(cycle.changeRequests()))) {
				throw TaskRefusal.of(task, "Wenn Änderungen gewünscht sind, bitte die Änderungswünsche beschreiben.");
			}
		}
	}

	private static boolean isBlank(Object value) {
		return value == null || value.toString().isBlank();
	}

}
