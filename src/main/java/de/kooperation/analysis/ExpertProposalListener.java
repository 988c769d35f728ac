package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EXPERT_PROPOSAL;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EXPERT_SELECTION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The agency's proposal becomes the starting point of the Kommune's selection: its form opens
 * with the proposed lines already filled in, so the Kommune only deletes, changes or adds lines.
 * Always overwritten: a selection inherited from an earlier analysis must not hide the new proposal.
 */
@Component("expertProposalListener")
class ExpertProposalListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		task.getExecution().setVariable(EXPERT_SELECTION, task.getVariable(EXPERT_PROPOSAL));
	}

}
