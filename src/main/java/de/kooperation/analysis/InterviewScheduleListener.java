package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Typed.EXPERTS;
import static de.kooperation.shared.BaselineAnalysisProcess.Typed.INTERVIEW_SCHEDULE;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import de.kooperation.shared.BaselineAnalysisProcess.Forms;
import de.kooperation.form.FormRules;

/**
 * "Interviewtermine vereinbaren": on create the form gets one row per selected expert (name and
 * e-mail from the selection, what an earlier round said for that expert), so the Kommune only adds
 * day, time and place, and the form's preview shows who will be invited when. On complete the
 * schedule is taken only when every row can be taken as entered; otherwise the task is refused with
 * the rows named, so no invitation is silently dropped or sent at another time than entered.
 */
@Component("interviewScheduleListener")
class InterviewScheduleListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		List<ExpertList.Expert> experts = experts(task);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			INTERVIEW_SCHEDULE.on(task.getExecution()).set(InterviewSchedule.rowsFor(experts, INTERVIEW_SCHEDULE.from(task).orNull()));
			return;
		}
		List<String> problems = InterviewSchedule.problems(INTERVIEW_SCHEDULE.from(task).orNull(), experts, FormRules.today());
		if (!problems.isEmpty()) {
			throw Refusals.refuse(task, Forms.SCHEDULE_INTERVIEWS, problems);
		}
	}

	private static List<ExpertList.Expert> experts(DelegateTask task) {
		List<ExpertList.Expert> experts = new ArrayList<>();
		EXPERTS.from(task).getOptional().ifPresent(list -> list.forEach(expert -> experts.add(ExpertList.Expert.fromVariable(expert))));
		return experts;
	}

}
