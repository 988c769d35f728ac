package de.kooperation.coverage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The build's coverage gate. camunda-process-test-coverage writes one report per test class
 * ({@code target/process-test-coverage/<test class>/report.json}: suites, their runs, and per run
 * the events {@code FLOW_NODE START/END} and {@code SEQUENCE_FLOW TAKE} with element id and
 * process key). This adds up the events of all test classes per process and compares the
 * flow-node and the sequence-flow coverage of every process in processes/ with the minimum; a
 * process no test started counts as 0 %. Elements are counted as the library does: every flow
 * node and sequence flow of the process, those in (event) sub-processes included.
 * <p>
 * Run by exec-maven-plugin in the verify phase, after all tests (see pom.xml):
 * {@code CoverageGate <processes dir> <reports dir> <test classes dir> <minimum 0..1>}.
 * Prints a table and throws (failing the build) when a process is below the minimum.
 */
public final class CoverageGate {

	private static final ObjectMapper JSON = new ObjectMapper();

	private CoverageGate() {
	}

	public static void main(String[] args) throws IOException {
		run(args, System.out);
	}

	static void run(String[] args, PrintStream out) throws IOException {
		if (args.length != 4) {
			throw new IllegalArgumentException(
					"usage: CoverageGate <processes dir> <reports dir> <test classes dir> <minimum, e.g. 0.95>");
		}
		double minimum = Double.parseDouble(args[3]);
		if (minimum < 0 || minimum > 1) {
			throw new IllegalArgumentException("coverage.minimum is a ratio between 0 and 1, e.g. 0.95, not " + args[3]);
		}
		Result result = evaluate(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), minimum);
		out.println(result.table());
		if (!result.passed()) {
			throw new IllegalStateException(result.failure());
		}
	}

	/** Coverage of one process over all test classes. */
	record ProcessCoverage(String key, String file, Set<String> flowNodes, Set<String> sequenceFlows,
			Set<String> coveredFlowNodes, Set<String> coveredSequenceFlows) {

		double flowNodeRatio() {
			return ratio(coveredFlowNodes.size(), flowNodes.size());
		}

		double sequenceFlowRatio() {
			return ratio(coveredSequenceFlows.size(), sequenceFlows.size());
		}

		boolean meets(double minimum) {
			return flowNodeRatio() >= minimum && sequenceFlowRatio() >= minimum;
		}

		Set<String> missedFlowNodes() {
			return missed(flowNodes, coveredFlowNodes);
		}

		Set<String> missedSequenceFlows() {
			return missed(sequenceFlows, coveredSequenceFlows);
		}

		private static double ratio(int covered, int total) {
			return total == 0 ? 1.0 : (double) covered / total;
		}

		private static Set<String> missed(Set<String> all, Set<String> covered) {
			Set<String> missed = new TreeSet<>(all);
			missed.removeAll(covered);
			return missed;
		}

	}

	/** The gate's verdict: per process coverage, reports read and ignored, unreadable models. */
	record Result(double minimum, List<ProcessCoverage> processes, List<String> reportsRead, List<String> reportsIgnored,
			List<String> unreadableModels) {

		boolean passed() {
			return unreadableModels.isEmpty() && processes.stream().allMatch(process -> process.meets(minimum));
		}

		String failure() {
			List<String> reasons = new ArrayList<>(unreadableModels);
			processes.stream().filter(process -> !process.meets(minimum))
				.map(process -> process.key() + " (flow nodes " + percent(process.flowNodeRatio()) + ", sequence flows "
						+ percent(process.sequenceFlowRatio()) + ")")
				.forEach(reasons::add);
			return "Process test coverage below " + percent(minimum) + " (coverage.minimum): " + String.join(", ", reasons)
					+ ". Add tests for the missed elements listed above.";
		}

		String table() {
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "%nProcess test coverage over all test classes (minimum %s for flow nodes and sequence flows each)%n",
					percent(minimum)));
			out.append(String.format(Locale.ROOT, "%-24s %-28s %-22s %-22s %s%n", "Process", "File", "Flow nodes", "Sequence flows", ""));
			for (ProcessCoverage process : processes) {
				out.append(String.format(Locale.ROOT, "%-24s %-28s %-22s %-22s %s%n", process.key(), process.file(),
						fraction(process.coveredFlowNodes().size(), process.flowNodes().size(), process.flowNodeRatio()),
						fraction(process.coveredSequenceFlows().size(), process.sequenceFlows().size(), process.sequenceFlowRatio()),
						process.meets(minimum) ? "ok" : "BELOW " + percent(minimum)));
			}
			for (ProcessCoverage process : processes) {
				if (!process.meets(minimum)) {
					out.append(String.format("%n%s – not passed by any test:%n  flow nodes:     %s%n  sequence flows: %s%n",
							process.key(), String.join(", ", process.missedFlowNodes()),
							String.join(", ", process.missedSequenceFlows())));
				}
			}
			unreadableModels.forEach(problem -> out.append(String.format("%nUNREADABLE: %s%n", problem)));
			out.append(String.format("%nReports read (%d): %s%n", reportsRead.size(), String.join(", ", reportsRead)));
			if (!reportsIgnored.isEmpty()) {
				out.append(String.format("Reports ignored (test class no longer compiled): %s%n", String.join(", ", reportsIgnored)));
			}
			out.append(passed() ? "Coverage gate passed." : "Coverage gate FAILED.").append(System.lineSeparator());
			return out.toString();
		}

		private static String fraction(int covered, int total, double ratio) {
			return String.format(Locale.ROOT, "%d/%d  %s", covered, total, percent(ratio));
		}

		/** Rounded down, so 94.99 % never shows as 95.0 %. */
		static String percent(double ratio) {
			return String.format(Locale.ROOT, "%.1f %%", Math.floor(ratio * 1000) / 10);
		}

	}

	static Result evaluate(Path processesDirectory, Path reportsDirectory, Path testClassesDirectory, double minimum)
			throws IOException {
		Map<String, Set<String>> coveredByProcess = new LinkedHashMap<>();
		List<String> read = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		for (Path report : reports(reportsDirectory)) {
			JsonNode root = JSON.readTree(report.toFile());
			for (JsonNode suite : root.path("suites")) {
				String testClass = suite.path("id").asText();
				if (!testClassExists(testClassesDirectory, testClass)) {
					ignored.add(testClass);
					continue;
				}
				read.add(testClass);
				for (JsonNode run : suite.path("runs")) {
					for (JsonNode event : run.path("events")) {
						coveredByProcess.computeIfAbsent(event.path("modelKey").asText(), key -> new TreeSet<>())
							.add(event.path("definitionKey").asText());
					}
				}
			}
		}

		List<ProcessCoverage> processes = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		for (Path file : bpmnFiles(processesDirectory)) {
			BpmnModelInstance model;
			try {
				model = Bpmn.readModelFromFile(file.toFile());
			}
			catch (RuntimeException e) {
				unreadable.add(file.getFileName() + " cannot be read: " + e.getMessage());
				continue;
			}
			for (Process process : model.getModelElementsByType(Process.class)) {
				Set<String> flowNodes = idsIn(process, model.getModelElementsByType(FlowNode.class));
				Set<String> sequenceFlows = idsIn(process, model.getModelElementsByType(SequenceFlow.class));
				Set<String> covered = coveredByProcess.getOrDefault(process.getId(), Set.of());
				processes.add(new ProcessCoverage(process.getId(), file.getFileName().toString(), flowNodes, sequenceFlows,
						intersection(flowNodes, covered), intersection(sequenceFlows, covered)));
			}
		}
		return new Result(minimum, processes, read, ignored, unreadable);
	}

	/** A report of a test class that was deleted or renamed since (no {@code mvn clean}) must not count. */
	static boolean testClassExists(Path testClassesDirectory, String testClass) {
		if (!Files.isDirectory(testClassesDirectory)) {
			return true;
		}
		// a nested class may be reported as Outer.Inner or Outer$Inner: try the first n parts as the path
		String[] parts = testClass.split("\\.");
		for (int n = parts.length; n >= 1; n--) {
			String outer = String.join("/", Arrays.copyOfRange(parts, 0, n));
			String nested = n == parts.length ? "" : "$" + String.join("$", Arrays.copyOfRange(parts, n, parts.length));
			if (Files.isRegularFile(testClassesDirectory.resolve(outer + nested + ".class"))) {
				return true;
			}
		}
		return false;
	}

	private static List<Path> reports(Path reportsDirectory) throws IOException {
		if (!Files.isDirectory(reportsDirectory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(reportsDirectory, 2)) {
			return files.filter(file -> file.getFileName().toString().equals("report.json")).sorted().toList();
		}
	}

	private static List<Path> bpmnFiles(Path processesDirectory) throws IOException {
		try (Stream<Path> files = Files.list(processesDirectory)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".bpmn")).sorted().toList();
		}
	}

	private static Set<String> idsIn(Process process, java.util.Collection<? extends ModelElementInstance> elements) {
		return elements.stream().filter(element -> processOf(element) == process)
			.map(element -> element.getAttributeValue("id"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Process processOf(ModelElementInstance element) {
		ModelElementInstance current = element;
		while (current != null && !(current instanceof Process)) {
			current = current.getParentElement();
		}
		return (Process) current;
	}

	private static Set<String> intersection(Set<String> all, Set<String> covered) {
		Set<String> result = new TreeSet<>(all);
		result.retainAll(covered);
		return result;
	}

}
