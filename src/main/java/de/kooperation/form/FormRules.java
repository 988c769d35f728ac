package de.kooperation.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kooperation.shared.ProcessVariable;
import de.kooperation.shared.Zone;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.kooperation.shared.Zone;

/**
 * The validation rules of every Camunda Form in forms/, read from the same files the engine
 * deploys. Camunda Forms check them only in the browser; the engine re-checks them with these
 * rules, so a REST client cannot skip them.
 */
@Component
public class FormRules {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	/** Dates outside this range are typos (2205 instead of 2025), not plans. */
	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	/**
	 * The longest text a String variable can hold: the engine stores it in a VARCHAR(4000)
	 * column (H2 and PostgreSQL alike). Longer text is refused here with a message, never with
	 * an SQL error; forms use this as their maxLength at most.
	 */
	public static final int MAX_TEXT_LENGTH = 4000;

	/** Control characters other than tab and line breaks: never typed, only sent (PostgreSQL refuses NUL). */
	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	/** Whether a text holds control characters other than tab and line breaks (never typed, only sent). */
	public static boolean hasControlCharacters(String text) {
		return CONTROL.matcher(text).find();
	}

	private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

	/** A time as the form's time picker sends it (24 hours, no zone). */
	private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");

	/** The form-js component of a list whose rows the user adds and removes; submitted as one list variable. */
	public static final String DYNAMIC_LIST = "dynamiclist";

	/** Variable names as the forms and processes use them; anything else is hostile or a typo. */
	private static final Pattern VARIABLE_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,99}$");

	/**
	 * Ids of forms before they were renamed (old id: new id), with the same fields. A collaboration
	 * started on an earlier model still names the old id at its task, and the engine still finds that
	 * form in the earlier deployment; its rules are checked as the renamed form's.
	 */
	static final Map<String, String> FORMER_IDS = Map.of("agreement-publicity", "signing-publicity",
			"agreement-publicity-support", "support-signing-publicity");

	private final Map<String, List<JsonNode>> fieldsByFormId = new HashMap<>();

	public FormRules(ObjectMapper objectMapper) {
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
				try (InputStream in = resource.getInputStream()) {
					JsonNode form = objectMapper.readTree(in);
					List<JsonNode> fields = new ArrayList<>();
					collectFields(form.path("components"), fields);
					fieldsByFormId.put(form.path("id").asText(), fields);
				}
			}
			FORMER_IDS.forEach((former, now) -> {
				if (fieldsByFormId.containsKey(now)) {
					fieldsByFormId.putIfAbsent(former, fieldsByFormId.get(now));
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException("Formulare konnten nicht gelesen werden", e);
		}
	}

	private static void collectFields(JsonNode components, List<JsonNode> into) {
		for (JsonNode component : components) {
			if (DYNAMIC_LIST.equals(component.path("type").asText()) && component.hasNonNull("path")) {
				// one variable (a list of rows) under the list's path; its fields are the rows' fields
				ObjectNode list = component.deepCopy();
				list.put("key", component.path("path").asText());
				into.add(list);
				continue;
			}
			if (component.hasNonNull("key")) {
				into.add(component);
			}
			collectFields(component.path("components"), into);
		}
	}

	public boolean knows(String formId) {
		return fieldsByFormId.containsKey(formId);
	}

	/**
	 * A field of a form: its key, component type ({@code datetime} with its subtype {@code date} or
	 * {@code time}), whether it is required, allowed values; a dynamic list (type {@value #DYNAMIC_LIST},
	 * key = its path) has the fields of each of its rows.
	 */
	public record Field(String key, String type, String subtype, boolean required, String pattern, List<String> values,
			List<Field> rowFields) {
	}

	/** The fields of a form, in form order. */
	public List<Field> fields(String formId) {
		return fieldsByFormId.getOrDefault(formId, List.of()).stream().map(FormRules::field).toList();
	}

	private static Field field(JsonNode f) {
		List<String> values = new ArrayList<>();
		f.path("values").forEach(v -> values.add(v.path("value").asText()));
		JsonNode validate = f.path("validate");
		return new Field(f.path("key").asText(), f.path("type").asText(), f.path("subtype").asText(null),
				validate.path("required").asBoolean(false), validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
				values, rowFields(f).stream().map(FormRules::field).toList());
	}

	/** The fields of one row of a dynamic list (none for any other field). */
	private static List<JsonNode> rowFields(JsonNode field) {
		List<JsonNode> fields = new ArrayList<>();
		if (DYNAMIC_LIST.equals(field.path("type").asText())) {
			collectFields(field.path("components"), fields);
		}
		return fields;
	}

	/** Whether any form has a field of that key. */
	public boolean isFieldOfAnyForm(String key) {
		return fieldsByFormId.values().stream().flatMap(List::stream).anyMatch(f -> key.equals(f.path("key").asText()));
	}

	/** Keys of the fields a form sets. */
	public List<String> fieldKeys(String formId) {
		return fieldsByFormId.getOrDefault(formId, List.of()).stream().map(f -> f.path("key").asText()).toList();
	}

	/**
	 * German messages for every rule of the form that the given variables break; empty when all
	 * hold.
	 */
	public List<String> violations(String formId, Map<String, Object> variables) {
		List<String> messages = new ArrayList<>();
		List<JsonNode> fields = fieldsByFormId.getOrDefault(formId, List.of());
		for (JsonNode field : fields) {
			violation(field, variables.get(field.path("key").asText()), hidden(field, variables)).ifPresent(messages::add);
		}
		List<String> fieldKeys = fields.stream().map(field -> field.path("key").asText()).toList();
		variables.forEach((name, value) -> {
			if (!VARIABLE_NAME.matcher(name).matches()) {
				messages.add("Ungültiger Variablenname „" + abbreviate(name) + "“.");
			}
			else if (!fieldKeys.contains(name) && value instanceof String text && text.length() > MAX_TEXT_LENGTH) {
				messages.add("„" + name + "“ ist zu lang (höchstens " + MAX_TEXT_LENGTH + " Zeichen).");
			}
			else if (!fieldKeys.contains(name) && value instanceof String text && hasControlCharacters(text)) {
				messages.add("„" + name + "“ enthält unzulässige Steuerzeichen.");
			}
		});
		return messages;
	}

	/**
	 * Custom property of a date field ({@code "properties": {"notInFuture": "true"}}) whose date is
	 * when something was done (held, signed, sent, recorded): that day cannot be after today.
	 */
	public static final String NOT_IN_FUTURE = "notInFuture";

	/** The refusal of a future date of something done, the same wording for every form. */
	public static String inTheFuture(String label) {
		return "„" + label + "“ darf nicht in der Zukunft liegen: bitte den Tag angeben, an dem es geschehen ist.";
	}

	/** Today by the engine's clock, in the agency's time zone. */
	public static LocalDate today() {
		return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID)).toLocalDate();
	}

	// "this." names a field of the same row of a dynamic list (form-js evaluates a row's conditions in the row)
	private static final Pattern HIDE_WHEN_TRUE = Pattern.compile("^=\\s*(?:this\\.)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*true\\s*$");

	private static final Pattern HIDE_UNLESS_TRUE = Pattern.compile("^=\\s*not\\(\\s*(?:this\\.)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*true\\s*\\)\\s*$");

	/**
	 * Whether the form hides the field for these values, so the browser neither shows it nor asks
	 * for it (a hidden field is not required; what it carries is still checked): the two conditions the forms use, "=x = true" and "=not(x = true)" on a checkbox. Any
	 * other condition counts as shown, and the field is checked.
	 */
	private static boolean hidden(JsonNode field, Map<String, Object> variables) {
		String hide = field.path("conditional").path("hide").asText("");
		Matcher whenTrue = HIDE_WHEN_TRUE.matcher(hide);
		if (whenTrue.matches()) {
			return Boolean.TRUE.equals(variables.get(whenTrue.group(1)));
		}
		Matcher unlessTrue = HIDE_UNLESS_TRUE.matcher(hide);
		if (unlessTrue.matches()) {
			return !Boolean.TRUE.equals(variables.get(unlessTrue.group(1)));
		}
		return false;
	}

	/** A date a user could mean: from 2000 to 2100 (2205 is a typo for 2025). */
	public static boolean plausible(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	/** A name or text shortened for a message. */
	public static String abbreviate(String text) {
		return text.length() <= 40 ? text : text.substring(0, 39) + "…";
	}

	private static Optional<String> violation(JsonNode field, Object value, boolean hidden) {
		String label = label(field);
		JsonNode validate = field.path("validate");
		String type = field.path("type").asText();
		if (DYNAMIC_LIST.equals(type)) {
			return rowViolations(field, label, value);
		}
		boolean empty = value == null || (value instanceof String s && s.isBlank());
		if (empty) {
			return validate.path("required").asBoolean(false) && !"checkbox".equals(type) && !hidden
					? Optional.of("Bitte „" + label + "“ ausfüllen.")
					: Optional.empty();
		}
		if (value instanceof String text && hasControlCharacters(text)) {
			return Optional.of("„" + label + "“ enthält unzulässige Steuerzeichen.");
		}
		switch (type) {
			case "datetime" -> {
				if ("time".equals(field.path("subtype").asText())) {
					return value instanceof String text && TIME.matcher(text).matches() ? Optional.empty()
							: Optional.of("„" + label + "“ ist keine gültige Uhrzeit (SS:MM, z. B. 09:30).");
				}
				// exactly a date as the form's date picker sends it (or a Date over REST): nothing after it
				LocalDate date = value instanceof String text && !ISO_DATE.matcher(text).matches() ? null : toDate(value);
				if (date == null) {
					return Optional.of("„" + label + "“ ist kein gültiges Datum (JJJJ-MM-TT).");
				}
				if (!plausible(date)) {
					return Optional.of("„" + label + "“ liegt außerhalb des sinnvollen Bereichs (2000 bis 2100).");
				}
				if (field.path("properties").path(NOT_IN_FUTURE).asBoolean(false) && date.isAfter(today())) {
					return Optional.of(inTheFuture(label));
				}
			}
			case "number" -> {
				Double number = toNumber(value);
				if (number == null) {
					return Optional.of("„" + label + "“ muss eine Zahl sein.");
				}
				if (validate.has("min") && number < validate.get("min").asDouble()) {
					return Optional.of("„" + label + "“ muss mindestens " + validate.get("min").asText() + " sein.");
				}
				if (validate.has("max") && number > validate.get("max").asDouble()) {
					return Optional.of("„" + label + "“ darf höchstens " + validate.get("max").asText() + " sein.");
				}
			}
			case "checkbox" -> {
				if (!(value instanceof Boolean)) {
					return Optional.of("„" + label + "“ muss ja oder nein sein.");
				}
			}
			case "select", "radio" -> {
				if (!(value instanceof String)) {
					return Optional.of("„" + label + "“: ungültige Auswahl „" + value + "“.");
				}
				if (field.has("values")) {
					boolean allowed = false;
					for (JsonNode option : field.get("values")) {
						allowed |= option.path("value").asText().equals(value.toString());
					}
					if (!allowed) {
						return Optional.of("„" + label + "“: ungültige Auswahl „" + value + "“.");
					}
				}
			}
			default -> {
				if (!(value instanceof String text)) {
					return Optional.of("„" + label + "“ muss ein Text sein.");
				}
				return textViolation(label, validate, text);
			}
		}
		return Optional.empty();
	}

	private static Optional<String> textViolation(String label, JsonNode validate, String text) {
		if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
			return Optional.of("„" + label + "“ ist zu kurz (mindestens " + validate.get("minLength").asInt() + " Zeichen).");
		}
		int maxLength = Math.min(validate.path("maxLength").asInt(MAX_TEXT_LENGTH), MAX_TEXT_LENGTH);
		if (text.length() > maxLength) {
			return Optional.of("„" + label + "“ ist zu lang (höchstens " + maxLength + " Zeichen).");
		}
		if ("email".equals(validate.path("validationType").asText()) && !EMAIL.matcher(text).matches()) {
			return Optional.of("„" + label + "“ ist keine gültige E-Mail-Adresse.");
		}
		if (validate.hasNonNull("pattern")) {
			try {
				if (!Pattern.compile(validate.get("pattern").asText()).matcher(text).matches()) {
					return Optional.of("„" + label + "“ hat nicht das erwartete Format.");
				}
			}
			catch (PatternSyntaxException e) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/**
	 * The rows of a dynamic list, each checked by the rules of the list's fields; every problem names
	 * its row by number and by the row's first text ("Zeile 2 („Dr. Anna Schulz“): …"), so nothing is
	 * dropped: a row the user added and left empty is refused like any other.
	 */
	private static Optional<String> rowViolations(JsonNode list, String label, Object value) {
		List<Map<String, Object>> rows = Rows.of(value);
		if (rows == null) {
			return Optional.of("„" + label + "“ muss eine Liste von Zeilen sein.");
		}
		if (rows.isEmpty()) {
			return list.path("validate").path("required").asBoolean(false)
					? Optional.of("Bitte in „" + label + "“ mindestens eine Zeile ausfüllen.")
					: Optional.empty();
		}
		List<JsonNode> fields = rowFields(list);
		List<String> keys = fields.stream().map(f -> f.path("key").asText()).toList();
		List<String> problems = new ArrayList<>();
		for (int index = 0; index < rows.size(); index++) {
			Map<String, Object> row = rows.get(index);
			String prefix = Rows.name(index, row, keys) + ": ";
			if (row == null) {
				problems.add(prefix + "keine Angaben.");
				continue;
			}
			row.keySet().stream().filter(key -> !keys.contains(key))
				.forEach(key -> problems.add(prefix + "„" + abbreviate(key) + "“ ist kein Feld dieser Liste."));
			for (JsonNode field : fields) {
				violation(field, row.get(field.path("key").asText()), hidden(field, row)).ifPresent(problem -> problems.add(prefix + problem));
			}
		}
		return problems.isEmpty() ? Optional.empty() : Optional.of("„" + label + "“: " + String.join(" ", problems));
	}

	private static String label(JsonNode field) {
		for (String name : List.of("label", "dateLabel", "timeLabel", "key")) {
			if (field.hasNonNull(name) && !field.get(name).asText().isBlank()) {
				return field.get(name).asText();
			}
		}
		return "?";
	}

	/** A Camunda Form date is a string like 2026-03-31; REST clients may send a Date. */
	public static LocalDate toDate(Object value) {
		return ProcessVariable.toDay(value);
	}

	private static Double toNumber(Object value) {
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		try {
			return Double.valueOf(value.toString());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
