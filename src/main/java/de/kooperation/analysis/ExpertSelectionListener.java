package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EXPERTS;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EXPERT_SELECTION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import de.kooperation.shared.BaselineAnalysisProcess.Forms;

/**
 * Turns the Kommune's selection (one person per line) into the list the interviews run over.
 * A list with mistakes is refused with every problem named by line; nothing is stored then.
 */
@Component("expertSelectionListener")
class ExpertSelectionListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		Object selection = task.getVariable(EXPERT_SELECTION);
		ExpertList.Parsed parsed = ExpertList.parse(selection == null ? null : selection.toString());
		if (!parsed.valid()) {
			throw Refusals.refuse(task, Forms.SELECT_EXPERTS, parsed.problems());
		}
		task.getExecution().setVariable(EXPERTS, parsed.toVariable());
	}

}
