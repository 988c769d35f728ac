package de.kooperation.implementation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CalledProcessVariables;
import de.kooperation.shared.ImplementationProcess.Vars;

/**
 * Keeps the revision called during the implementation from turning back what the other loops
 * write meanwhile. The revision runs while the strategy meetings, the feedback and the exchange go
 * on in parallel; were their variables passed in, the copy it returns at its end could overwrite
 * whatever those loops recorded during the revision (a strategy meeting's date, this year's
 * feedback). So they are not passed in; the rest is as for every called process.
 */
@Component("revisionVariableMapping")
class RevisionVariableMapping extends CalledProcessVariables {

	private static final List<String> OWNED_BY_PARALLEL_LOOPS = List.of(Vars.STRATEGY_MEETING_PREFIX,
			Vars.FEEDBACK_PREFIX, Vars.EXCHANGE_PREFIX);

	@Override
	public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
		super.mapInputVariables(superExecution, subVariables);
		subVariables.keySet().removeIf(name -> OWNED_BY_PARALLEL_LOOPS.stream().anyMatch(name::startsWith));
	}

}
