package de.kooperation.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kooperation.shared.Zone;


/**
 * Decides which reminders are due for a deadline: the days before (moved to the working day
 * before), the due day, the first working day after it, and the escalation. Only the latest
 * point that has passed counts, so a task created three days before its deadline does not get
 * a "one week before" mail, and a sweep after a downtime sends one mail, not a backlog.
 */
@Component
class ReminderPlanner {

	private static final ZoneId ZONE = ZoneId.of(Zone.ID);

	record Point(String kind, Instant at) {
	}

	private final WorkingDays workingDays;

	private final ReminderProperties properties;

	ReminderPlanner(WorkingDays workingDays, ReminderProperties properties) {
		this.workingDays = workingDays;
		this.properties = properties;
	}

	/** All reminder points of a deadline, in time order (without the escalation). */
	List<Point> points(LocalDate dueDay, String federalState) {
		List<Point> points = new ArrayList<>();
		for (int days : properties.getDaysBefore()) {
			points.add(new Point(ReminderKind.before(days), at(workingDays.onOrBefore(dueDay.minusDays(days), federalState))));
		}
		points.add(new Point(ReminderKind.DUE.name(), at(dueDay)));
		points.add(new Point(ReminderKind.OVERDUE.name(), at(workingDays.plusWorkingDays(dueDay, 1, federalState))));
		points.sort(Comparator.comparing(Point::at));
		return points;
	}

	Point escalation(LocalDate dueDay, String federalState) {
		return new Point(ReminderKind.ESCALATION.name(),
				at(workingDays.plusWorkingDays(dueDay, properties.getEscalationAfterWorkingDays(), federalState)));
	}

	/**
	 * The reminder to send now for a deadline, if any: the latest point at or before now that
	 * lies after the moment the work was created.
	 */
	Optional<Point> current(LocalDate dueDay, String federalState, Instant created, Instant now) {
		Point latest = null;
		for (Point point : points(dueDay, federalState)) {
			if (!point.at().isAfter(now)) {
				latest = point;
			}
		}
		return latest != null && latest.at().isAfter(created) ? Optional.of(latest) : Optional.empty();
	}

	Optional<Point> escalationDue(LocalDate dueDay, String federalState, Instant now) {
		Point escalation = escalation(dueDay, federalState);
		return escalation.at().isAfter(now) ? Optional.empty() : Optional.of(escalation);
	}

	private Instant at(LocalDate day) {
		return day.atTime(LocalTime.of(properties.getSendHour(), 0)).atZone(ZONE).toInstant();
	}

	static LocalDate dayOf(Date date) {
		return date.toInstant().atZone(ZONE).toLocalDate();
	}

}
