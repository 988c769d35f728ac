package de.kooperation.reminder;

import static de.kooperation.shared.CollaborationProcess.Typed.FEDERAL_STATE;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import de.kooperation.shared.MeetingKind;
import de.kooperation.shared.ProcessVariable;
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
		String federalState = FEDERAL_STATE.from(scope).orNull();
		LocalDate day = fixedDue(stage).from(scope).orNull();
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
		// the model names the date variable (a form field of an earlier task)
		LocalDate day = ProcessVariable.day(dateVariable).from(scope).orNull();
		if (day == null) {
			day = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID)).toLocalDate()
				.plusDays(defaultDays);
		}
		return endOfWorkingDay(day, FEDERAL_STATE.from(scope).orNull());
	}

	/**
	 * The variable that fixes a stage's due date: {@code <stage>Due}, e.g. {@code baselineAnalysisDue}
	 * agreed at the Sondierung, or a meeting's results due ({@link MeetingKind#resultsDue()}). Any stage
	 * can be fixed so, so the name is made from the stage the model names.
	 */
	public static ProcessVariable<LocalDate> fixedDue(String stage) {
		return ProcessVariable.day(stage + "Due");
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
