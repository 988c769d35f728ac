package de.kooperation.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * What the benchmarks share: their tag (excluded from {@code mvn verify}, run by {@code -Pbenchmark}),
 * the job executor settings of a benchmark node, and the report: each figure goes to the console
 * and is appended to {@code target/benchmarks.txt}.
 */
final class Benchmarks {

	static final String TAG = "benchmark";

	private static final Path REPORT = Path.of("target", "benchmarks.txt");

	private Benchmarks() {
	}

	/**
	 * The job executor of a node as configured for production (application.yaml: Camunda's
	 * defaults), except that idle nodes look for new jobs every second rather than after up to a
	 * minute, so the figures measure work, not waiting. {@code -Dbenchmark.<property>=value}
	 * overrides any {@code camunda.bpm.job-execution.<property>}.
	 */
	static Map<String, String> jobExecutorSettings() {
		Map<String, String> settings = new HashMap<>();
		// Camunda's default (the test nodes shorten it): a long sweep must not be taken over while it runs
		settings.put("camunda.bpm.job-execution.lock-time-in-millis", "300000");
		System.getProperties().forEach((key, value) -> {
			if (key.toString().startsWith("benchmark.")) {
				settings.put("camunda.bpm.job-execution." + key.toString().substring("benchmark.".length()), value.toString());
			}
		});
		return settings;
	}

	/** The machine's load average (1, 5, 15 minutes): other work on the machine skews every figure. */
	static String load() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return "load " + parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException e) {
			return "load unknown";
		}
	}

	static void report(String benchmark, String line) {
		String entry = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19) + " [" + benchmark + "] " + line
				+ " (" + load() + ", " + Runtime.getRuntime().availableProcessors() + " cores)";
		System.out.println("BENCHMARK " + entry);
		try {
			Files.createDirectories(REPORT.getParent());
			Files.writeString(REPORT, entry + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
