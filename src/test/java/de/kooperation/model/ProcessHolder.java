package de.kooperation.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A constants holder of a process ({@code CollaborationProcess}, {@code AgreementProcess}, …): a class with its
 * process's {@code KEY} and nested classes {@code Elements} (element ids) and {@code Vars} (variable names). The
 * holders are found by their source in src/main/java, so a new holder, or one moved to another package, is
 * checked too.
 */
record ProcessHolder(Class<?> type, Path source) {

	private static final Pattern NESTED = Pattern.compile("\\bstatic\\s+final\\s+class\\s+(?:Elements|Vars)\\b");

	/** Every holder among the given sources (path to text). */
	static List<ProcessHolder> in(Path sourceRoot, Map<Path, String> sources) {
		return sources.entrySet().stream()
			.filter(source -> NESTED.matcher(source.getValue()).find())
			.map(source -> new ProcessHolder(load(sourceRoot.relativize(source.getKey())), source.getKey()))
			.toList();
	}

	/** The Java sources under a directory, path to text. */
	static Map<Path, String> sources(Path directory) {
		Map<Path, String> sources = new LinkedHashMap<>();
		if (!Files.isDirectory(directory)) {
			return sources;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				sources.put(file, Files.readString(file));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return sources;
	}

	String name() {
		return type.getSimpleName();
	}

	/** The process key: the holder's {@code KEY}, or null. */
	String key() {
		try {
			return (String) value(type.getDeclaredField("KEY"));
		}
		catch (NoSuchFieldException e) {
			return null;
		}
	}

	/** The String constants of the nested class {@code Elements} or {@code Vars}, field name to value. */
	Map<String, String> constants(String nested) {
		Map<String, String> constants = new LinkedHashMap<>();
		for (Class<?> inner : type.getDeclaredClasses()) {
			if (inner.getSimpleName().equals(nested)) {
				for (Field field : inner.getDeclaredFields()) {
					if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
						constants.put(field.getName(), (String) value(field));
					}
				}
			}
		}
		return constants;
	}

	private static Class<?> load(Path relative) {
		String name = relative.toString().replaceAll("\\.java$", "").replace('/', '.').replace('\\', '.');
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException("no compiled class for " + relative, e);
		}
	}

	private static Object value(Field field) {
		try {
			field.setAccessible(true);
			return field.get(null);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

}
