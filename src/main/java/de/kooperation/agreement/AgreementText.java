package de.kooperation.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Between the structured Zielvereinbarung and the short texts of the task forms: a quick entry
 * typed into the draft form (one goal or milestone per line) becomes list items while the list
 * is still empty, and the list is summed up as text for the forms that show it.
 */
final class AgreementText {

	/** "1. ", "2: ", "- ", "• ", "► " at the start of a line. */
	private static final Pattern BULLET = Pattern.compile("^\\s*(?:\\d+\\s*[.:)]|[-•*►▶>])\\s*");

	/** "(Priorität hoch)", "(hoch)", "– mittel" at the end of a line. */
	private static final Pattern PRIORITY = Pattern.compile("\\s*[(–-]?\\s*(?:Priorität\\s*)?(hoch|mittel)\\s*\\)?\\s*$",
			Pattern.CASE_INSENSITIVE);

	private AgreementText() {
	}

	static List<Goal> goals(String text) {
		List<Goal> goals = new ArrayList<>();
		for (String line : lines(text, false)) {
			String priority = null;
			Matcher matcher = PRIORITY.matcher(line);
			if (matcher.find() && matcher.start() > 0) {
				priority = matcher.group(1).toLowerCase(Locale.GERMAN);
				line = line.substring(0, matcher.start()).trim();
			}
			goals.add(new Goal(Agreements.newKey("z-"), priority, cut(line, 500), null, null, null));
		}
		return goals;
	}

	static List<Milestone> milestones(String text) {
		return lines(text, true).stream()
			.map(line -> new Milestone(Agreements.newKey("m-"), cut(line, 500), null, null, null, null, null, false))
			.toList();
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

	private static List<String> lines(String text, boolean splitAtSemicolons) {
		if (text == null) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		for (String line : text.split(splitAtSemicolons ? "[\\r\\n;]+" : "[\\r\\n]+")) {
			String item = BULLET.matcher(line).replaceFirst("").trim();
			if (!item.isEmpty()) {
				lines.add(item);
			}
		}
		return lines;
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
