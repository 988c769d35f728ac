package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Typed.EXPERT_PROPOSAL;
import static de.kooperation.shared.BaselineAnalysisProcess.Typed.EXPERT_SELECTION;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The agency's proposal becomes the starting point of the Kommune's selection: its form opens
 * with the proposed rows already filled in, so the Kommune only removes, changes or adds rows.
 * Always overwritten: a selection inherited from an earlier analysis must not hide the new proposal.
 */
@Component("expertProposalListener")
class ExpertProposalListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		List<Map<String, Object>> proposal = EXPERT_PROPOSAL.from(task).orNull();
		EXPERT_SELECTION.on(task.getExecution()).set(proposal == null ? List.of() : proposal);
	}

}
