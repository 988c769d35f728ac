package de.kooperation.form;

import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.value.JsonValue;

import de.kooperation.shared.JsonRows;

/**
 * The rows of a form's dynamic list (one row per expert, interview, goal): Tasklist submits them as
 * a variable of type Json, a REST client may send Json or a list, our own code and tests a
 * {@code List} of {@code Map}s. Read into plain maps, written back as Json, the type Tasklist
 * reads into the list again ({@link JsonRows}); here what the form rules and messages need of a row.
 */
public final class Rows {

	private Rows() {
	}

	/** The rows of a list variable, see {@link JsonRows#read}. */
	public static List<Map<String, Object>> of(Object value) {
		return JsonRows.read(value);
	}

	/** The rows as a Json variable, as Tasklist sends and reads a dynamic list. */
	public static JsonValue toVariable(List<? extends Map<String, ?>> rows) {
		return JsonRows.toJson(rows);
	}

	/** A text field of a row: "" when empty or missing, else the text without surrounding spaces. */
	public static String text(Map<String, Object> row, String key) {
		Object value = row == null ? null : row.get(key);
		return value == null ? "" : value.toString().strip();
	}

	/**
	 * How a message names a row: its number, counted from 1 as the user sees the rows, and its first
	 * text, e.g. "Zeile 2 („Dr. Anna Schulz“)".
	 */
	public static String name(int index, Map<String, Object> row, List<String> keys) {
		String first = keys.stream().map(key -> text(row, key)).filter(text -> !text.isEmpty() && !"true".equals(text)
				&& !"false".equals(text)).findFirst().orElse("");
		return "Zeile " + (index + 1) + (first.isEmpty() ? "" : " („" + FormRules.abbreviate(first) + "“)");
	}

}
