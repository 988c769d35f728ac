package de.kooperation.implementation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

import de.kooperation.implementation.ImplementationProcess.Vars;

/**
 * Keeps the revision, called with {@code camunda:in variables="all"} and
 * {@code camunda:out variables="all"}, from turning back what the other loops write meanwhile.
 * The revision runs while the strategy meetings, the feedback and the exchange go on in parallel;
 * were their variables passed in, the copy it returns at its end would overwrite whatever those
 * loops recorded during the revision (a strategy meeting's date, this year's feedback). So they
 * are not passed in; everything else is, and everything the revision has comes back.
 */
@Component("revisionVariableMapping")
class RevisionVariableMapping implements DelegateVariableMapping {

	private static final List<String> OWNED_BY_PARALLEL_LOOPS = List.of(Vars.STRATEGY_MEETING_PREFIX,
			Vars.FEEDBACK_PREFIX, Vars.EXCHANGE_PREFIX);

	@Override
	public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
		subVariables.keySet().removeIf(name -> OWNED_BY_PARALLEL_LOOPS.stream().anyMatch(name::startsWith));
	}

	@Override
	public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
		// camunda:out variables="all" returns them
	}

}
