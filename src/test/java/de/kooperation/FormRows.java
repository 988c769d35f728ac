package de.kooperation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.value.JsonValue;

import de.kooperation.form.Rows;

/**
 * The rows of the forms' dynamic lists as Tasklist sends them (a Json variable), written the way a
 * test reads best: the experts as "Name; Funktion; E-Mail" lines, an interview as name, e-mail,
 * day, time and place.
 */
public final class FormRows {

	private FormRows() {
	}

	/** One row per line "Name; Funktion; E-Mail" (the e-mail may be left out), for the experts' lists. */
	public static JsonValue experts(String lines) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String line : lines.split("\\R")) {
			String[] parts = line.split(";", -1);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", parts[0].strip());
			row.put("role", parts.length > 1 ? parts[1].strip() : "");
			row.put("email", parts.length > 2 ? parts[2].strip() : "");
			rows.add(row);
		}
		return Rows.toVariable(rows);
	}

	/** A row of "Interviewtermine vereinbaren": the expert (name and e-mail as selected) on a day (yyyy-mm-dd) at a time (hh:mm). */
	public static Map<String, Object> interview(String name, String email, String date, String time, String location) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", name);
		row.put("email", email);
		row.put("dateOpen", false);
		row.put("date", date);
		row.put("time", time);
		if (location != null) {
			row.put("location", location);
		}
		return row;
	}

	/** A row of "Interviewtermine vereinbaren" whose day is still open ("Termin folgt"). */
	public static Map<String, Object> interviewOpen(String name, String email) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", name);
		row.put("email", email);
		row.put("dateOpen", true);
		return row;
	}

	@SafeVarargs
	public static JsonValue schedule(Map<String, Object>... rows) {
		return Rows.toVariable(List.of(rows));
	}

}
