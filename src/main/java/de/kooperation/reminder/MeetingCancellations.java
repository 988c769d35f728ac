package de.kooperation.reminder;

import static de.kooperation.shared.CollaborationProcess.Typed.MUNICIPALITY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a collaboration ends – its termination is declared, or the implementation ends at the end
 * of funding – the Kommune's meetings still to come will not take place: their invitations are
 * cancelled ({@link MeetingInvitations#cancelFutureMeetings(String)}). An execution listener in
 * BPMN: {@code camunda:executionListener delegateExpression="${meetingCancellations}"}.
 */
@Component("meetingCancellations")
class MeetingCancellations implements ExecutionListener {

	private final MeetingInvitations invitations;

	MeetingCancellations(MeetingInvitations invitations) {
		this.invitations = invitations;
	}

	@Override
	public void notify(DelegateExecution execution) {
		invitations.cancelFutureMeetings(MUNICIPALITY_ID.from(execution).orElse(execution.getProcessBusinessKey()));
	}

}
