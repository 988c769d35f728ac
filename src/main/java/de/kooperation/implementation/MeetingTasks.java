package de.kooperation.implementation;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import de.kooperation.form.FormRules;
import de.kooperation.shared.ImplementationProcess.Meetings;
import de.kooperation.shared.Zone;

/**
 * Start listeners of the two tasks of every meeting ({@code meeting} is
 * {@value Meetings#REVIEW} or {@value Meetings#STRATEGY}), used in BPMN as
 * {@code ${meetingTasks.plan(execution, 'reviewMeeting')}}. Public because expressions call its
 * methods.
 */
@Component("meetingTasks")
public class MeetingTasks {

	/** "… vereinbaren": the form must not offer the last meeting's date as the new one. */
	public void plan(DelegateExecution execution, String meeting) {
		execution.setVariable(meeting + Meetings.DATE_SUFFIX, null);
	}

	/**
	 * "Ergebnisse … festhalten": due some days after the meeting (DueDates reads
	 * {@code <meeting>ResultsDue} for the stage {@code <meeting>Results}).
	 */
	public void record(DelegateExecution execution, String meeting) {
		LocalDate day = FormRules.toDate(execution.getVariable(meeting + Meetings.DATE_SUFFIX));
		if (day == null) {
			day = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID)).toLocalDate();
		}
		execution.setVariable(meeting + Meetings.RESULTS_DUE_SUFFIX,
				day.plusDays(Meetings.RESULTS_DAYS_AFTER_MEETING).toString());
	}

}
