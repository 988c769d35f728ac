package de.kooperation.shared;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.springframework.stereotype.Component;


/**
 * The variables a called process (agreement, baseline analysis, revision, implementation) gets
 * from the collaboration and hands back. Used as
 * {@code camunda:variableMappingDelegateExpression="${calledProcessVariables}"} with
 * {@code camunda:in variables="all"} and without {@code camunda:out}.
 *
 * <p>Every variable is a row in the runtime table, one in the history and a history detail per
 * write, in the called process and again in the caller. With {@code variables="all"} both ways the
 * copies of the few dozen variables a collaboration gathers were more than half of all SQL per
 * completed task (LifecycleBenchmark). So:
 * <ul>
 * <li>in: everything except the working variables of earlier phases the called process has no use
 * for (no form, expression or listener of it reads them), such as the interviews of the baseline
 * analysis, which also keeps interviewees' personal data out of the revision and implementation;</li>
 * <li>out: what the called process created or changed, not the unchanged copies of what it was
 * given. The caller ends with the same values as with {@code camunda:out variables="all"}.</li>
 * </ul>
 */
@Component("calledProcessVariables")
public class CalledProcessVariables implements DelegateVariableMapping {

	/** The analysis, its preparation and the discourse: done before the revision and implementation start. */
	private static final List<String> ANALYSIS_AND_DISCOURSE = List.of("baselineAnalysis", "baselineAssessment",
			"interview", "expert", BaselineAnalysisProcess.Vars.ANALYSIS_TOPICS, BaselineAnalysisProcess.Vars.RECOMMENDATIONS,
			"resultReport", "exploratoryMeeting", "discourse");

	/** Called process key -> name prefixes of the caller's variables it is not given. */
	private static final Map<String, List<String>> NOT_GIVEN = Map.of(
			// the agreement's content lives in its own tables; the analysis forms show none of it
			BaselineAnalysisProcess.KEY, List.of("agreement"),
			RevisionProcess.KEY, ANALYSIS_AND_DISCOURSE,
			ImplementationProcess.KEY, ANALYSIS_AND_DISCOURSE);

	/** Whether the called process gets the caller's variable of that name. */
	public static boolean given(String calledProcessKey, String variable) {
		return NOT_GIVEN.getOrDefault(calledProcessKey, List.of()).stream().noneMatch(variable::startsWith);
	}

	@Override
	public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
		String called = ((CallActivity) superExecution.getBpmnModelElementInstance()).getCalledElement();
		subVariables.keySet().removeIf(name -> !given(called, name));
	}

	@Override
	public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
		VariableMap returned = subInstance.getVariablesLocalTyped(false);
		for (String name : returned.keySet()) {
			TypedValue value = returned.getValueTyped(name);
			if (!same(superExecution.getVariableTyped(name, false), value)) {
				superExecution.setVariable(name, value);
			}
		}
	}

	/** Same type and value; object values (lists, maps) by their serialized form. */
	static boolean same(TypedValue caller, TypedValue called) {
		if (caller == null || called == null) {
			return false;
		}
		if (!Objects.equals(caller.getType(), called.getType())) {
			return false;
		}
		if (caller instanceof SerializableValue one && called instanceof SerializableValue other) {
			String serialized = one.getValueSerialized();
			return serialized != null && serialized.equals(other.getValueSerialized())
					&& Objects.equals(one.getSerializationDataFormat(), other.getSerializationDataFormat());
		}
		return Objects.equals(caller.getValue(), called.getValue());
	}

}
