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

import de.kooperation.form.FormRules;
import de.kooperation.form.Rows;

/**
 * The interview partners a Kommune chose, one row per person in the form's list (Name, Funktion,
 * E-Mail; the e-mail optional). Each row is checked as it was typed and taken unchanged; a row with
 * a mistake (missing name or function, broken e-mail, a person twice, too many people) refuses the
 * whole list with the row named, so nobody is dropped or changed unnoticed.
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

	/**
	 * The rows of the list field (null when the value was no list, see {@link Rows#of}): every row a person,
	 * or the German problems by row.
	 */
	static Parsed fromRows(List<Map<String, Object>> rows) {
		if (rows == null) {
			return new Parsed(List.of(), List.of("Die Interviewpartner/innen müssen als Liste von Zeilen (Name, Funktion, E-Mail) kommen."));
		}
		List<Expert> experts = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Map<String, Integer> rowOfName = new HashMap<>();
		for (int index = 0; index < rows.size(); index++) {
			Map<String, Object> row = rows.get(index);
			Expert expert = new Expert(Rows.text(row, NAME), Rows.text(row, ROLE), Rows.text(row, EMAIL));
			String problem = problem(expert);
			String prefix = Rows.name(index, row, List.of(NAME, ROLE)) + ": ";
			if (problem != null) {
				problems.add(prefix + problem);
				continue;
			}
			Integer earlier = rowOfName.putIfAbsent(expert.name().toLowerCase(Locale.GERMAN), index + 1);
			if (earlier != null) {
				problems.add(prefix + "„" + expert.name() + "“ steht schon in Zeile " + earlier + ".");
				continue;
			}
			experts.add(expert);
		}
		if (rows.isEmpty()) {
			problems.add("Bitte mindestens eine Person angeben: eine Zeile je Person mit Name und Funktion.");
		}
		else if (rows.size() > BaselineAnalysisProcess.MAX_EXPERTS) {
			problems.add(0, "Höchstens " + BaselineAnalysisProcess.MAX_EXPERTS
					+ " Interviewpartner/innen je Bedarfsanalyse (angegeben: " + rows.size() + ").");
		}
		return problems.isEmpty() ? new Parsed(List.copyOf(experts), List.of()) : new Parsed(List.of(), shorten(problems));
	}

	/** The people as rows of the form's list, e.g. the agency's proposal as the start of the Kommune's selection. */
	static List<Map<String, String>> toRows(List<Expert> experts) {
		return experts.stream().map(Expert::toVariable).toList();
	}

	private static String problem(Expert expert) {
		if (expert.name().isEmpty() && expert.role().isEmpty() && expert.email().isEmpty()) {
			return "Die Zeile ist leer – bitte ausfüllen oder entfernen.";
		}
		if (expert.name().isEmpty()) {
			return "Der Name fehlt.";
		}
		if (expert.role().isEmpty()) {
			return "Die Funktion von „" + FormRules.abbreviate(expert.name()) + "“ fehlt.";
		}
		if (expert.name().length() > MAX_NAME_LENGTH) {
			return "Der Name ist zu lang (höchstens " + MAX_NAME_LENGTH + " Zeichen).";
		}
		if (expert.role().length() > MAX_ROLE_LENGTH) {
			return "Die Funktion ist zu lang (höchstens " + MAX_ROLE_LENGTH + " Zeichen).";
		}
		if (!expert.email().isEmpty() && !EMAIL_PATTERN.matcher(expert.email()).matches()) {
			return "„" + FormRules.abbreviate(expert.email()) + "“ ist keine gültige E-Mail-Adresse.";
		}
		return null;
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
