package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EXPERTS;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.INTERVIEW_SCHEDULE;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import de.kooperation.shared.BaselineAnalysisProcess.Forms;

/**
 * The Kommune's interview schedule is taken only when every line can be read: each selected expert's
 * line gives a real day and time or says the day is still open. Otherwise the task is refused with
 * the lines named, so no invitation is silently dropped or sent at another time than typed.
 */
@Component("interviewScheduleListener")
class InterviewScheduleListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		List<String> names = new ArrayList<>();
		if (task.getVariable(EXPERTS) instanceof List<?> experts) {
			experts.forEach(expert -> names.add(ExpertList.Expert.fromVariable(expert).name()));
		}
		List<String> problems = InterviewSchedule.problems(task.getVariable(INTERVIEW_SCHEDULE), names);
		if (!problems.isEmpty()) {
			throw Refusals.refuse(task, Forms.SCHEDULE_INTERVIEWS, problems);
		}
	}

}
