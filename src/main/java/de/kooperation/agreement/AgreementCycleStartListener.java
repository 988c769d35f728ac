package de.kooperation.agreement;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import de.kooperation.shared.AgreementProcess;

/**
 * Start of an agreement or revision: the review counter starts at 0, decisions at "no", and
 * values of an earlier run (handed in with all the caller's variables) are dropped so they
 * neither prefill a form nor steer a gateway. A revision needs a signed Zielvereinbarung.
 */
class AgreementCycleStartListener implements ExecutionListener {

	private final AgreementCycle cycle;

	AgreementCycleStartListener(AgreementCycle cycle) {
		this.cycle = cycle;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (cycle.revision() && AgreementVersions.current(execution) == null) {
			throw new BadUserRequestException("Eine Fortschreibung setzt eine unterzeichnete Zielvereinbarung voraus "
					+ "(Variable '" + AgreementProcess.Vars.AGREEMENT_VERSION + "' fehlt).");
		}
		cycle.clearedAtStart().forEach(execution::removeVariable);
		cycle.decisions().forEach(decision -> decision.on(execution).set(false));
		cycle.reviewRounds().on(execution).set(0);
	}

}
