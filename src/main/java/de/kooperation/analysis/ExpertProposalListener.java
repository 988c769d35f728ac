package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EXPERT_PROPOSAL;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EXPERT_SELECTION;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import de.kooperation.form.Rows;

/**
 * The agency's proposal becomes the starting point of the Kommune's selection: its form opens
 * with the proposed rows already filled in, so the Kommune only removes, changes or adds rows.
 * Always overwritten: a selection inherited from an earlier analysis must not hide the new proposal.
 */
@Component("expertProposalListener")
class ExpertProposalListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		List<Map<String, Object>> proposal = Rows.of(task.getVariable(EXPERT_PROPOSAL));
		task.getExecution().setVariable(EXPERT_SELECTION, Rows.toVariable(proposal == null ? List.of() : proposal));
	}

}
