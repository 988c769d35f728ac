package de.kooperation.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of JUEL to find the names an expression reads: {@code ${!continueCollaboration}}
 * reads {@code continueCollaboration}, {@code ${dueDates.of(execution, 'x')}} calls a method on
 * {@code dueDates} and reads {@code execution}. String literals, members after a dot, functions
 * ({@code now()}) and keywords are no variables.
 */
final class Expressions {

	/** Names the engine provides in every expression (context variables, functions excluded). */
	static final Set<String> BUILT_INS = Set.of("execution", "task", "externalTask", "caseExecution",
			"authenticatedUserId", "variableScope");

	private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or",
			"eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

	private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

	private static final Pattern GET_VARIABLE = Pattern
		.compile("\\bgetVariable(?:Typed|Local)?\\s*\\(\\s*['\"]([^'\"]+)['\"]");

	private static final Pattern DUE_DATE_STAGE = Pattern.compile("dueDates\\s*\\.\\s*of\\s*\\(\\s*\\w+\\s*,\\s*'([^']*)'");

	private Expressions() {
	}

	/** A name at the start of a member chain; {@code dereferenced} when a dot or bracket follows. */
	record Root(String name, boolean dereferenced) {
	}

	/** The bodies of all {@code ${...}} / {@code #{...}} in a text; empty for a plain literal. */
	static List<String> bodies(String text) {
		List<String> bodies = new ArrayList<>();
		if (text == null) {
			return bodies;
		}
		Matcher matcher = EXPRESSION.matcher(text);
		while (matcher.find()) {
			bodies.add(matcher.group(1));
		}
		return bodies;
	}

	static boolean isExpression(String text) {
		return text != null && EXPRESSION.matcher(text).find();
	}

	/** Roots of member chains in an expression body: variables, beans and context names. */
	static List<Root> roots(String body) {
		String code = STRING_LITERAL.matcher(body).replaceAll("''");
		List<Root> roots = new ArrayList<>();
		Matcher matcher = IDENTIFIER.matcher(code);
		while (matcher.find()) {
			char before = previousNonBlank(code, matcher.start());
			char after = nextNonBlank(code, matcher.end());
			boolean member = before == '.';
			boolean partOfNumber = matcher.start() > 0 && Character.isDigit(code.charAt(matcher.start() - 1));
			boolean function = after == '(';
			if (member || partOfNumber || function || KEYWORDS.contains(matcher.group())) {
				continue;
			}
			roots.add(new Root(matcher.group(), after == '.' || after == '['));
		}
		return roots;
	}

	/** Variable names an expression body reads: its roots and {@code execution.getVariable('x')}. */
	static Set<String> readVariables(String body) {
		Set<String> names = new LinkedHashSet<>();
		for (Root root : roots(body)) {
			if (!BUILT_INS.contains(root.name())) {
				names.add(root.name());
			}
		}
		Matcher matcher = GET_VARIABLE.matcher(body);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** The stage keys of {@code dueDates.of(execution, 'stage')} calls in a text. */
	static Set<String> dueDateStages(String text) {
		Set<String> stages = new LinkedHashSet<>();
		for (String body : bodies(text)) {
			Matcher matcher = DUE_DATE_STAGE.matcher(body);
			while (matcher.find()) {
				stages.add(matcher.group(1));
			}
		}
		return stages;
	}

	private static char previousNonBlank(String text, int index) {
		for (int i = index - 1; i >= 0; i--) {
			if (!Character.isWhitespace(text.charAt(i))) {
				return text.charAt(i);
			}
		}
		return 0;
	}

	private static char nextNonBlank(String text, int index) {
		for (int i = index; i < text.length(); i++) {
			if (!Character.isWhitespace(text.charAt(i))) {
				return text.charAt(i);
			}
		}
		return 0;
	}

}
