package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Typed.EXPERTS;
import static de.kooperation.shared.BaselineAnalysisProcess.Typed.EXPERT_SELECTION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import de.kooperation.shared.BaselineAnalysisProcess.Forms;

/**
 * Turns the Kommune's selection (one row per person) into the list the interviews run over.
 * A list with mistakes is refused with every problem named by row; nothing is stored then.
 */
@Component("expertSelectionListener")
class ExpertSelectionListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		ExpertList.Parsed parsed = ExpertList.fromRows(EXPERT_SELECTION.from(task).orNull());
		if (!parsed.valid()) {
			throw Refusals.refuse(task, Forms.SELECT_EXPERTS, parsed.problems());
		}
		EXPERTS.on(task.getExecution()).set(parsed.toVariable());
	}

}
