package de.kooperation.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A Kommune's own project timeline (Zeitschiene, seed 001): its fields of action and activities
 * over the plan's years. The project ends with the last year ("bis Projektende").
 */
public record Plan(String municipalityId, int firstYear, int lastYear, List<FieldOfAction> fields) {

	public LocalDate projectEnd() {
		return LocalDate.of(lastYear, 12, 31);
	}

	public List<Integer> years() {
		return IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
	}

	public List<Activity> activities() {
		return fields.stream().flatMap(field -> field.activities().stream()).toList();
	}

	public Optional<Activity> activity(String id) {
		return activities().stream().filter(activity -> activity.id().equals(id)).findFirst();
	}

	public Optional<FieldOfAction> field(String id) {
		return fields.stream().filter(field -> field.id().equals(id)).findFirst();
	}

	public boolean isEmpty() {
		return fields.isEmpty();
	}

}
