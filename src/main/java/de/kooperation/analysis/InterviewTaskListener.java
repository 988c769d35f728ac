package de.kooperation.analysis;

import static de.kooperation.analysis.BaselineAnalysisProcess.Vars.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import de.kooperation.KooperationApplication;
import de.kooperation.analysis.BaselineAnalysisProcess.Forms;
import de.kooperation.form.FormRules;
import de.kooperation.reminder.MeetingInvitations;

/**
 * One interview task per chosen expert (multi-instance over {@code baselineAnalysisExperts}).
 * On create: the task is named after its expert and the expert's details become local variables
 * for the form; date and notes are declared locally so parallel interviews never overwrite each
 * other; when the Kommune's schedule gives the expert's date, the invitation goes out. On
 * complete: the interview is recorded in the app's table ({@link InterviewRecords}), out of the Kommune's reach.
 */
@Component("interviewTaskListener")
class InterviewTaskListener implements TaskListener {

	private final MeetingInvitations invitations;

	private final InterviewRecords records;

	InterviewTaskListener(MeetingInvitations invitations, InterviewRecords records) {
		this.invitations = invitations;
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			created(task);
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			completed(task);
		}
	}

	private void created(DelegateTask task) {
		ExpertList.Expert expert = ExpertList.Expert.fromVariable(task.getVariable(EXPERT));
		DelegateExecution interview = task.getExecution();
		interview.setVariableLocal(EXPERT_NAME, expert.name());
		interview.setVariableLocal(EXPERT_ROLE, expert.role());
		interview.setVariableLocal(EXPERT_EMAIL, expert.email().isEmpty() ? "nicht angegeben" : expert.email());
		interview.setVariableLocal(INTERVIEW_DATE, null);
		interview.setVariableLocal(INTERVIEW_NOTES, null);
		task.setName(task.getName() + ": " + expert.name());
		// the day the Kommune agreed with the expert: the expert and the agency team get an invitation
		InterviewSchedule.of(task.getVariable(INTERVIEW_SCHEDULE), expert.name())
			.ifPresent(slot -> invitations.inviteInterview(task, expert.name(), expert.email(), slot.start(), slot.location()));
	}

	private void completed(DelegateTask task) {
		LocalDate date = FormRules.toDate(task.getVariable(INTERVIEW_DATE));
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(KooperationApplication.ZONE)).toLocalDate();
		if (date != null && date.isAfter(today)) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW,
					List.of("Das Datum des Interviews liegt in der Zukunft – bitte erst nach dem Interview abschließen."));
		}
		Object notes = task.getVariable(INTERVIEW_NOTES);
		ExpertList.Expert expert = ExpertList.Expert.fromVariable(task.getVariable(EXPERT));
		// in the app's table, not in a variable of the process: the Kommune's tasks would show it
		records.add(task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(),
				new InterviewRecords.Interview(expert.name(), expert.role(), expert.email(), date, notes == null ? "" : notes.toString()),
				ClockUtil.getCurrentTime().toInstant());
	}

}
