package de.kooperation.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rows of a form's dynamic list (one row per expert, interview, goal) as a variable: Tasklist
 * submits them as a variable of type Json, a REST client may send Json or a list, our own code and
 * tests a {@code List} of {@code Map}s. Read into plain maps, written back as Json, the type Tasklist
 * reads into the list again.
 */
public final class JsonRows {

	private static final ObjectMapper JSON = new ObjectMapper();

	private JsonRows() {
	}

	/**
	 * The rows of a list variable (a row that is no object becomes null), an empty list for no
	 * variable, or null when the value is no list at all.
	 */
	public static List<Map<String, Object>> read(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof SerializableValue serializable && serializable.getValueSerialized() != null) {
			return parse(serializable.getValueSerialized());
		}
		if (value instanceof TypedValue typed) {
			return read(typed.getValue());
		}
		if (value instanceof SpinJsonNode node) {
			return node.isArray() ? parse(node.toString()) : null;
		}
		if (value instanceof List<?> list) {
			return rows(list);
		}
		return null;
	}

	private static List<Map<String, Object>> parse(String json) {
		try {
			return JSON.readTree(json).isArray() ? rows(JSON.readValue(json, new TypeReference<List<Object>>() {
			})) : null;
		}
		catch (JsonProcessingException e) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(List<?> elements) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Object element : elements) {
			rows.add(element instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : null);
		}
		return rows;
	}

	/** The rows as a Json variable, as Tasklist sends and reads a dynamic list. */
	public static JsonValue toJson(List<? extends Map<String, ?>> rows) {
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("Zeilen lassen sich nicht als JSON schreiben", e);
		}
	}

}
