package de.kooperation.agreement;

import java.util.ArrayList;
import java.util.List;

/** The Zielvereinbarung's lists summed up as text for the task forms that show them (review, signing). */
final class AgreementText {

	private AgreementText() {
	}

	static String goalSummary(List<Goal> goals) {
		List<String> lines = new ArrayList<>();
		int number = 1;
		for (Goal goal : goals) {
			lines.add(number++ + ". " + goal.title() + (goal.priority() == null ? "" : " (Priorität " + goal.priority() + ")")
					+ (blank(goal.timeFrame()) ? "" : ", " + goal.timeFrame()));
		}
		return String.join("\n", lines);
	}

	static String milestoneSummary(List<Milestone> milestones) {
		return String.join("\n", milestones.stream()
			.map(milestone -> "- " + milestone.title() + (blank(milestone.period()) ? "" : " (" + milestone.period() + ")")
					+ (milestone.dueOn() == null ? "" : ", Frist " + Formats.day(milestone.dueOn())) + ", " + milestone.statusLabel())
			.toList());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
