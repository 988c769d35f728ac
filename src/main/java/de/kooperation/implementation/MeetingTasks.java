package de.kooperation.implementation;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import de.kooperation.shared.ImplementationProcess.Meetings;
import de.kooperation.shared.MeetingKind;
import de.kooperation.shared.Zone;

/**
 * Start listeners of the two tasks of every recurring meeting, used in BPMN with the
 * {@link MeetingKind} as {@code ${meetingTasks.plan(execution, 'REVIEW_MEETING')}}; the kind names
 * the meeting's variables. Public because expressions call its methods.
 */
@Component("meetingTasks")
public class MeetingTasks {

	/** "… vereinbaren": the form must not offer the last meeting's date as the new one. */
	public void plan(DelegateExecution execution, String kindName) {
		MeetingKind.named(kindName).date().on(execution).set(null);
	}

	/**
	 * "Ergebnisse … festhalten": due some days after the meeting (the kind's results-due variable, which
	 * {@code dueDates} reads for the task's stage).
	 */
	public void record(DelegateExecution execution, String kindName) {
		MeetingKind kind = MeetingKind.named(kindName);
		LocalDate day = kind.date().from(execution).orNull();
		if (day == null) {
			day = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID)).toLocalDate();
		}
		kind.resultsDue()
			.orElseThrow(() -> new IllegalArgumentException(kind + " has no results recorded by a task of their own"))
			.on(execution)
			.set(day.plusDays(Meetings.RESULTS_DAYS_AFTER_MEETING));
	}

}
