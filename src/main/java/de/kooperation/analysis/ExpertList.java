package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Vars.EMAIL;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.NAME;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.ROLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import de.kooperation.shared.BaselineAnalysisProcess;

/**
 * The interview partners a Kommune chose, as typed into a textarea: one person per line,
 * {@code Name; Funktion; E-Mail} with the e-mail optional. Forgiving where it costs nothing
 * (blank lines, list bullets, tabs from a spreadsheet, {@code <mail@…>}), strict where a mistake
 * would reach the interviews (missing function, broken e-mail, duplicates, too many people).
 * <p>
 * The result is stored as a {@code java.util.ArrayList} of {@code LinkedHashMap}s with String
 * values only: plain JDK types, so the variable survives any class change and passes Camunda's
 * deserialization allow-list.
 */
final class ExpertList {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_ROLE_LENGTH = 200;

	/** More problems than this are summarised; the user fixes the first ones and tries again. */
	private static final int MAX_PROBLEMS_SHOWN = 5;

	private static final Pattern BULLET = Pattern.compile("^(?:[-*•–]|\\d{1,2}[.)])(?:\\s+|$)");

	private static final Pattern SEPARATOR = Pattern.compile("[;\\t]");

	private static final Pattern EMAIL_PATTERN = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private ExpertList() {
	}

	/** One interview partner. The e-mail is "" when not given. */
	record Expert(String name, String role, String email) {

		Map<String, String> toVariable() {
			Map<String, String> map = new LinkedHashMap<>();
			map.put(NAME, name);
			map.put(ROLE, role);
			map.put(EMAIL, email);
			return map;
		}

		/** Reads one element of the stored list (the multi-instance element variable). */
		static Expert fromVariable(Object value) {
			if (!(value instanceof Map<?, ?> map)) {
				throw new IllegalArgumentException("Keine Angaben zur Interviewpartnerin / zum Interviewpartner: " + value);
			}
			return new Expert(text(map.get(NAME)), text(map.get(ROLE)), text(map.get(EMAIL)));
		}

		private static String text(Object value) {
			return value == null ? "" : value.toString();
		}

	}

	/** The experts of a valid list, or the German problems of an invalid one (then experts is empty). */
	record Parsed(List<Expert> experts, List<String> problems) {

		boolean valid() {
			return problems.isEmpty();
		}

		/** The process variable: an ArrayList of LinkedHashMaps. */
		ArrayList<Map<String, String>> toVariable() {
			ArrayList<Map<String, String>> list = new ArrayList<>();
			experts.forEach(expert -> list.add(expert.toVariable()));
			return list;
		}

	}

	static Parsed parse(String text) {
		List<Expert> experts = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Map<String, Integer> lineOfName = new HashMap<>();
		String[] lines = text == null ? new String[0] : text.split("\\R", -1);
		for (int index = 0; index < lines.length; index++) {
			int lineNumber = index + 1;
			String line = BULLET.matcher(lines[index].strip()).replaceFirst("").strip();
			if (line.isEmpty()) {
				continue;
			}
			List<String> parts = parts(line);
			String problem = problem(parts, line);
			if (problem != null) {
				problems.add("Zeile " + lineNumber + ": " + problem);
				continue;
			}
			Expert expert = new Expert(parts.get(0), parts.get(1), parts.size() > 2 ? email(parts.get(2)) : "");
			Integer earlier = lineOfName.putIfAbsent(expert.name().toLowerCase(Locale.GERMAN), lineNumber);
			if (earlier != null) {
				problems.add("Zeile " + lineNumber + ": „" + expert.name() + "“ steht schon in Zeile " + earlier + ".");
				continue;
			}
			experts.add(expert);
		}
		int people = experts.size() + problems.size();
		if (people == 0) {
			problems.add("Bitte mindestens eine Person angeben, eine je Zeile: Name; Funktion; E-Mail (optional).");
		}
		else if (people > BaselineAnalysisProcess.MAX_EXPERTS) {
			problems.add(0, "Höchstens " + BaselineAnalysisProcess.MAX_EXPERTS
					+ " Interviewpartner/innen je Bedarfsanalyse (angegeben: " + people + ").");
		}
		return problems.isEmpty() ? new Parsed(List.copyOf(experts), List.of()) : new Parsed(List.of(), shorten(problems));
	}

	/** Trimmed parts with whitespace collapsed; trailing empty parts (a final ";") dropped. */
	private static List<String> parts(String line) {
		List<String> parts = new ArrayList<>();
		for (String part : SEPARATOR.split(line, -1)) {
			parts.add(part.strip().replaceAll("\\s+", " "));
		}
		while (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
			parts.remove(parts.size() - 1);
		}
		return parts;
	}

	private static String problem(List<String> parts, String line) {
		if (parts.size() == 1) {
			return "„" + abbreviate(line) + "“ – bitte Name und Funktion durch ein Semikolon trennen, "
					+ "z. B. „Dr. Anna Schulz; Leiterin Schulverwaltungsamt“.";
		}
		if (parts.size() > 3) {
			return "„" + abbreviate(line) + "“ hat zu viele Angaben; erwartet: Name; Funktion; E-Mail.";
		}
		if (parts.get(0).isEmpty()) {
			return "Der Name fehlt.";
		}
		if (parts.get(1).isEmpty()) {
			return "Die Funktion von „" + abbreviate(parts.get(0)) + "“ fehlt.";
		}
		if (parts.get(0).length() > MAX_NAME_LENGTH) {
			return "Der Name ist zu lang (höchstens " + MAX_NAME_LENGTH + " Zeichen).";
		}
		if (parts.get(1).length() > MAX_ROLE_LENGTH) {
			return "Die Funktion ist zu lang (höchstens " + MAX_ROLE_LENGTH + " Zeichen).";
		}
		if (parts.size() > 2 && !parts.get(2).isEmpty() && !EMAIL_PATTERN.matcher(email(parts.get(2))).matches()) {
			return "„" + abbreviate(parts.get(2)) + "“ ist keine gültige E-Mail-Adresse.";
		}
		return null;
	}

	/** "mailto:a@b.de" and "<a@b.de>" as pasted from a mail program become "a@b.de". */
	private static String email(String value) {
		String email = value.strip();
		if (email.regionMatches(true, 0, "mailto:", 0, 7)) {
			email = email.substring(7);
		}
		if (email.startsWith("<") && email.endsWith(">")) {
			email = email.substring(1, email.length() - 1);
		}
		return email.strip();
	}

	private static String abbreviate(String text) {
		return text.length() <= 40 ? text : text.substring(0, 39) + "…";
	}

	private static List<String> shorten(List<String> problems) {
		if (problems.size() <= MAX_PROBLEMS_SHOWN) {
			return List.copyOf(problems);
		}
		List<String> shown = new ArrayList<>(problems.subList(0, MAX_PROBLEMS_SHOWN));
		shown.add("… und " + (problems.size() - MAX_PROBLEMS_SHOWN) + " weitere.");
		return List.copyOf(shown);
	}

}
