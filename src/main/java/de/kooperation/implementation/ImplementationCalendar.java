package de.kooperation.implementation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import de.kooperation.shared.ImplementationProcess.Defaults;
import de.kooperation.shared.ImplementationProcess.Typed;
import de.kooperation.shared.ImplementationProcess.Vars;
import de.kooperation.shared.ProcessVariable;
import de.kooperation.shared.Zone;

/**
 * The dates of the recurring loops of the implementation, used in BPMN: a loop's gateway asks
 * {@code ${implementationCalendar.nextBefore(execution, 'reviewMeetingInterval')}} and its timer
 * waits until {@code ${implementationCalendar.next(execution, 'reviewMeetingInterval')}}; both
 * compute the same date from the engine clock, so the check and the timer never disagree.
 * Public because expressions call its methods.
 */
@Component("implementationCalendar")
public class ImplementationCalendar {

	private static final ZoneId ZONE = ZoneId.of(Zone.ID);

	/** When the next occurrence of a loop is due: one interval from now. */
	public Date next(VariableScope scope, String intervalVariable) {
		return Date.from(ClockUtil.getCurrentTime().toInstant().atZone(ZONE).plus(interval(scope, intervalVariable)).toInstant());
	}

	/** Whether the next occurrence of a loop still falls on or before the end of funding. */
	public boolean nextBefore(VariableScope scope, String intervalVariable) {
		return !next(scope, intervalVariable).after(fundingEnd(scope));
	}

	/** The end of funding the collaboration passed in; a bare date means the end of that day. */
	public Date fundingEnd(VariableScope scope) {
		Optional<Date> stored = Typed.FUNDING_END.from(scope).getOptional();
		if (stored.isPresent()) {
			return stored.get();
		}
		ProcessVariable.Value<LocalDate> given = Typed.FUNDING_END_GIVEN.from(scope);
		LocalDate day = given.orNull();
		if (day == null) {
			throw new BadUserRequestException("Die Umsetzung braucht das Förderende (Variable '" + Vars.FUNDING_END
					+ "' als Datum), es fehlt oder ist ungültig: '" + given.raw() + "'.");
		}
		return Date.from(day.atTime(LocalTime.of(23, 59)).atZone(ZONE).toInstant());
	}

	/** A loop's interval: the process variable if set, else its default. */
	public Period interval(VariableScope scope, String intervalVariable) {
		ProcessVariable<String> variable = Typed.INTERVALS.get(intervalVariable);
		if (variable == null) {
			throw new IllegalArgumentException("no interval variable: " + intervalVariable);
		}
		ProcessVariable.Value<String> value = variable.from(scope);
		return parse(intervalVariable, value.isBlank() ? Defaults.INTERVALS.get(intervalVariable) : value.get());
	}

	/** An ISO-8601 period such as P6M, P1Y or P8W, longer than zero. */
	static Period parse(String intervalVariable, String text) {
		try {
			Period period = Period.parse(text.trim());
			if (!period.isNegative() && !period.isZero()) {
				return period;
			}
		}
		catch (DateTimeParseException e) {
			// reported below
		}
		throw new BadUserRequestException("Ungültiges Intervall '" + intervalVariable + "': '" + text
				+ "'. Erwartet wird ein Zeitraum nach ISO 8601, z. B. P6M (6 Monate), P1Y (1 Jahr) oder P8W (8 Wochen).");
	}

}
