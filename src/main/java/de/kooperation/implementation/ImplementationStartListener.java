package de.kooperation.implementation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import de.kooperation.shared.ImplementationProcess.Defaults;
import de.kooperation.shared.ImplementationProcess.Typed;
import de.kooperation.shared.ProcessVariable;

/**
 * Start of the implementation: the end of funding must be known (every loop ends by it), the
 * intervals get their defaults where the caller set none, and a wrong interval is refused before
 * anything waits on it.
 */
@Component("implementationStartListener")
class ImplementationStartListener implements ExecutionListener {

	private final ImplementationCalendar calendar;

	ImplementationStartListener(ImplementationCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public void notify(DelegateExecution execution) {
		calendar.fundingEnd(execution);
		for (Map.Entry<String, String> interval : Defaults.INTERVALS.entrySet()) {
			ProcessVariable<String> variable = Typed.INTERVALS.get(interval.getKey());
			if (variable.from(execution).isBlank()) {
				variable.on(execution).set(interval.getValue());
			}
			else {
				calendar.interval(execution, interval.getKey());
			}
		}
	}

}
