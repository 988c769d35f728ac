package de.kooperation.model;

import java.beans.Introspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.instance.Process;
import org.yaml.snakeyaml.Yaml;

/**
 * What the model checks look things up in: all processes and forms of the repository, the
 * Spring bean names declared in {@code src/main/java} and the due-date stages configured in
 * {@code application.yaml}.
 */
final class Project {

	/** Stereotypes whose bean is named by their value, or else by the decapitalised class name. */
	private static final Pattern STEREOTYPE = Pattern.compile(
			"@(?:Component|Service|Repository|Controller|RestController|Configuration)\\b(\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\")?");

	private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)");

	/** {@code @Bean} methods: explicit names, else the method name. */
	private static final Pattern BEAN_METHOD = Pattern
		.compile("@Bean\\b\\s*(?:\\(([^)]*)\\))?[^;{]*?\\b(\\w+)\\s*\\([^)]*\\)\\s*(?:throws[^{]*)?\\{");

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

	private final Path root;

	private final List<ProcessFile> processFiles;

	private final List<FormFile> forms;

	private final Set<String> beans;

	private final Set<String> dueStages;

	private Project(Path root, List<ProcessFile> processFiles, List<FormFile> forms, Set<String> beans,
			Set<String> dueStages) {
		this.root = root;
		this.processFiles = processFiles;
		this.forms = forms;
		this.beans = beans;
		this.dueStages = dueStages;
	}

	/** The repository the tests run in (Maven's basedir). */
	static Project current() {
		return load(Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize());
	}

	static Project load(Path root) {
		List<ProcessFile> processes = files(root.resolve("processes"), ".bpmn").stream().map(ProcessFile::read).toList();
		List<FormFile> forms = files(root.resolve("forms"), ".form").stream().map(FormFile::read).toList();
		return new Project(root, processes, forms, beanNames(root.resolve("src/main/java")),
				dueStages(root.resolve("src/main/resources/application.yaml")));
	}

	/** This project plus extra BPMN files (e.g. fixtures), which may call and be called by its processes. */
	Project withProcessFiles(Collection<ProcessFile> extra) {
		List<ProcessFile> all = new ArrayList<>(processFiles);
		all.addAll(extra);
		return new Project(root, all, forms, beans, dueStages);
	}

	/** This project with other forms (e.g. fixtures). */
	Project withForms(List<FormFile> otherForms) {
		return new Project(root, processFiles, otherForms, beans, dueStages);
	}

	Path root() {
		return root;
	}

	List<ProcessFile> processFiles() {
		return processFiles;
	}

	List<FormFile> forms() {
		return forms;
	}

	/** The form with that id (the first, if the id is not unique), or null. */
	FormFile form(String id) {
		return forms.stream().filter(form -> id != null && id.equals(form.id())).findFirst().orElse(null);
	}

	/** Every process of every readable file, by key (the first, if a key is not unique). */
	Map<String, Process> processesByKey() {
		Map<String, Process> byKey = new LinkedHashMap<>();
		for (ProcessFile file : processFiles) {
			for (Process process : file.processes()) {
				byKey.putIfAbsent(process.getId(), process);
			}
		}
		return byKey;
	}

	Set<String> beans() {
		return beans;
	}

	Set<String> dueStages() {
		return dueStages;
	}

	static List<Path> files(Path directory, String suffix) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Bean names declared in Java sources: cheap regex scan, no Spring context needed. */
	static Set<String> beanNames(Path sources) {
		Set<String> names = new TreeSet<>();
		if (!Files.isDirectory(sources)) {
			return names;
		}
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String code = Files.readString(file);
				Matcher stereotype = STEREOTYPE.matcher(code);
				while (stereotype.find()) {
					if (stereotype.group(2) != null) {
						names.add(stereotype.group(2));
						continue;
					}
					Matcher type = TYPE_DECLARATION.matcher(code);
					if (type.find(stereotype.end())) {
						names.add(Introspector.decapitalize(type.group(1)));
					}
				}
				Matcher bean = BEAN_METHOD.matcher(code);
				while (bean.find()) {
					List<String> explicit = bean.group(1) == null ? List.of()
							: QUOTED.matcher(bean.group(1)).results().map(m -> m.group(1)).toList();
					if (explicit.isEmpty()) {
						names.add(bean.group(2));
					}
					else {
						names.addAll(explicit);
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return names;
	}

	/** The stage keys under {@code kooperation.due.days}. */
	@SuppressWarnings("unchecked")
	static Set<String> dueStages(Path applicationYaml) {
		if (!Files.isRegularFile(applicationYaml)) {
			return Set.of();
		}
		try {
			Map<String, Object> yaml = new Yaml().load(Files.readString(applicationYaml));
			Object kooperation = yaml == null ? null : yaml.get("kooperation");
			Object due = kooperation instanceof Map<?, ?> map ? map.get("due") : null;
			Object days = due instanceof Map<?, ?> map ? map.get("days") : null;
			return days instanceof Map<?, ?> map ? new TreeSet<>((Set<String>) map.keySet()) : Set.of();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
