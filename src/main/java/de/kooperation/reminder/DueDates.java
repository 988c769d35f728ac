package de.kooperation.reminder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import de.kooperation.form.FormRules;
import de.kooperation.shared.Zone;

/**
 * Due dates of user tasks, used in BPMN as {@code camunda:dueDate="${dueDates.of(execution, 'stage')}"}.
 * A date the agreement fixed wins (a process variable {@code <stage>Due}, e.g. the end of the
 * baseline analysis agreed at the Sondierung); otherwise the configured number of days for the
 * stage, else the default ({@code kooperation.due}). A due date never falls on a weekend or a
 * public holiday of the Kommune's federal state: it moves to the next working day.
 */
@Component("dueDates")
@ConfigurationProperties("kooperation.due")
public class DueDates {

	private final WorkingDays workingDays;

	private int defaultDays = 14;

	public DueDates(WorkingDays workingDays) {
		this.workingDays = workingDays;
	}

	private Map<String, Integer> days = Map.of();

	public Date of(VariableScope scope, String stage) {
		ZoneId zone = ZoneId.of(Zone.ID);
		Object state = scope.getVariable("federalState");
		String federalState = state == null ? null : state.toString();
		LocalDate day = FormRules.toDate(scope.getVariable(stage + "Due"));
		if (day == null) {
			day = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate()
				.plusDays(days.getOrDefault(stage, defaultDays));
		}
		return endOfWorkingDay(day, federalState);
	}

	/**
	 * Due on the day a variable names, e.g. the date of a meeting:
	 * {@code ${dueDates.onDay(execution, 'exploratoryMeetingDate')}}; without that date, the default.
	 */
	public Date onDay(VariableScope scope, String dateVariable) {
		LocalDate day = FormRules.toDate(scope.getVariable(dateVariable));
		Object state = scope.getVariable("federalState");
		if (day == null) {
			day = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID)).toLocalDate()
				.plusDays(defaultDays);
		}
		return endOfWorkingDay(day, state == null ? null : state.toString());
	}

	private Date endOfWorkingDay(LocalDate day, String federalState) {
		return Date.from(workingDays.onOrAfter(day, federalState).atTime(LocalTime.of(23, 59))
			.atZone(ZoneId.of(Zone.ID)).toInstant());
	}

	public int getDefaultDays() {
		return defaultDays;
	}

	public void setDefaultDays(int defaultDays) {
		this.defaultDays = defaultDays;
	}

	public Map<String, Integer> getDays() {
		return days;
	}

	public void setDays(Map<String, Integer> days) {
		this.days = days;
	}

}
