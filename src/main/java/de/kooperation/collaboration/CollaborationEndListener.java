package de.kooperation.collaboration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** However a collaboration ends, the Kommune may start a new one afterwards. */
@Component("collaborationEndListener")
class CollaborationEndListener implements ExecutionListener {

	private final RunningCollaborations running;

	CollaborationEndListener(RunningCollaborations running) {
		this.running = running;
	}

	@Override
	public void notify(DelegateExecution execution) {
		running.release(execution.getProcessInstanceId());
	}

}
