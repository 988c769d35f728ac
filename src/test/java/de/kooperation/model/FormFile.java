package de.kooperation.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Camunda Form ({@code forms/*.form}): its id, the process variables it sets on submit and
 * what is wrong with its structure.
 */
final class FormFile {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Components that show something but submit nothing. */
	private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator",
			"button", "iframe", "table", "documentPreview");

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

	/** Block helpers of form-js templates ({@code {{#if x}}}, {@code {{#loop xs}}}, {@code {{/if}}}, {@code {{else}}}). */
	private static final Pattern TEMPLATE_KEYWORD = Pattern.compile("^\\s*(?:#if|#loop|/if|/loop|else)\\b");

	private static final Set<String> FEEL_KEYWORDS = Set.of("this", "parent", "_this_", "_parent_", "if", "then",
			"else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function");

	private final Path path;

	private final String id;

	private final Set<String> variables = new LinkedHashSet<>();

	/** Top-level variable to the component that sets it, without the generated ids. */
	private final Map<String, JsonNode> fields = new LinkedHashMap<>();

	private final List<String> problems = new ArrayList<>();

	/** Variables the form's FEEL expressions ({@code "=..."}) and templates ({@code {{...}}}) read. */
	private final Set<String> expressionReads = new TreeSet<>();

	private FormFile(Path path) {
		this.path = path;
		JsonNode root = null;
		try {
			root = JSON.readTree(Files.readString(path));
		}
		catch (IOException e) {
			problems.add("is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
		}
		if (root != null && !root.isObject()) {
			problems.add("is no JSON object");
			root = null;
		}
		this.id = root == null || !root.path("id").isTextual() || root.path("id").asText().isBlank() ? null
				: root.path("id").asText();
		if (root != null) {
			if (id == null) {
				problems.add("has no \"id\" (the id a user task's camunda:formRef refers to)");
			}
			JsonNode components = root.get("components");
			if (components == null || !components.isArray()) {
				problems.add("has no \"components\" array");
			}
			else {
				collect(components, "", new LinkedHashSet<>());
				collectExpressionReads(components);
			}
		}
	}

	static FormFile read(Path path) {
		return new FormFile(path);
	}

	Path path() {
		return path;
	}

	String fileName() {
		return path.getFileName().toString();
	}

	/** The form's id, or null when it has none (or cannot be read). */
	String id() {
		return id;
	}

	/** Top-level process variables a submit sets (a field's key, or a group's path). */
	Set<String> variables() {
		return variables;
	}

	/** The component that sets a top-level variable (a field, or a group with a path), its ids left out; or null. */
	JsonNode field(String variable) {
		return fields.get(variable);
	}

	/**
	 * Variables the form reads in FEEL: conditions and values ({@code "=agreementChangesRequested = true"}) and
	 * templates in text ({@code {{municipalityName}}}); a dynamic list's row ({@code this}) left out.
	 */
	Set<String> expressionReads() {
		return expressionReads;
	}

	/** Structural problems, each a sentence about this file. */
	List<String> problems() {
		return problems;
	}

	private void collect(JsonNode components, String prefix, Set<String> fullKeys) {
		for (JsonNode component : components) {
			String type = component.path("type").asText("");
			String path = component.path("path").asText("");
			String key = component.path("key").asText("");
			if (!path.isBlank()) {
				// a group or dynamic list with a path submits one object variable holding its fields
				if (prefix.isEmpty()) {
					variables.add(firstSegment(path));
					fields.putIfAbsent(firstSegment(path), withoutIds(component));
				}
				collect(component.path("components"), prefix + path + ".", fullKeys);
				continue;
			}
			if (!key.isBlank() && !DISPLAY_ONLY.contains(type)) {
				if (prefix.isEmpty()) {
					variables.add(firstSegment(key));
					fields.putIfAbsent(firstSegment(key), withoutIds(component));
				}
				if (!fullKeys.add(prefix + key)) {
					problems.add("has the key '" + prefix + key + "' twice (field "
							+ component.path("id").asText("?") + "); the second field overwrites the first");
				}
			}
			if (component.has("components")) {
				collect(component.get("components"), prefix, fullKeys);
			}
		}
	}

	private static JsonNode withoutIds(JsonNode component) {
		JsonNode copy = component.deepCopy();
		removeIds(copy);
		return copy;
	}

	private static void removeIds(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.remove("id");
		}
		node.forEach(FormFile::removeIds);
	}

	private void collectExpressionReads(JsonNode node) {
		if (node.isTextual()) {
			String text = node.asText();
			if (text.startsWith("=")) {
				expressionReads.addAll(feelReads(text.substring(1)));
			}
			// inside {{#loop list}} ... {{/loop}} names are the fields of the list's items
			int loops = 0;
			Matcher template = TEMPLATE.matcher(text);
			while (template.find()) {
				String tag = template.group(1).strip();
				if (tag.startsWith("/loop")) {
					loops = Math.max(0, loops - 1);
				}
				else if (loops == 0) {
					expressionReads.addAll(feelReads(TEMPLATE_KEYWORD.matcher(tag).replaceAll(" ")));
				}
				if (tag.startsWith("#loop")) {
					loops++;
				}
			}
		}
		node.forEach(this::collectExpressionReads);
	}

	/** The names a FEEL expression reads: its roots, without FEEL's keywords and a dynamic list's row. */
	private static Set<String> feelReads(String feel) {
		Set<String> names = new TreeSet<>();
		for (Expressions.Root root : Expressions.roots(feel)) {
			if (!FEEL_KEYWORDS.contains(root.name())) {
				names.add(root.name());
			}
		}
		return names;
	}

	private static String firstSegment(String dotted) {
		int dot = dotted.indexOf('.');
		return dot < 0 ? dotted : dotted.substring(0, dot);
	}

}
