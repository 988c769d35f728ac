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

	private final Path path;

	private final String id;

	private final Set<String> variables = new LinkedHashSet<>();

	/** Top-level variable to the component that sets it, without the generated ids. */
	private final Map<String, JsonNode> fields = new LinkedHashMap<>();

	private final List<String> problems = new ArrayList<>();

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

	private static String firstSegment(String dotted) {
		int dot = dotted.indexOf('.');
		return dot < 0 ? dotted : dotted.substring(0, dot);
	}

}
