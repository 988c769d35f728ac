package de.kooperation.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;

import de.kooperation.KooperationApplication;
import de.kooperation.shared.Zone;

/**
 * A node in a JVM of its own, so that a test can kill it the hard way (SIGKILL): no shutdown hook,
 * no finished job, no released lock, exactly like a machine that loses power. Its engine clock
 * runs with the same offset as the test's, as NTP-synchronised machines would.
 */
final class ForkedNode implements AutoCloseable {

	private static final java.util.regex.Pattern STARTED = java.util.regex.Pattern.compile("Started \\w+ in [0-9.]+ seconds");

	private final String name;

	private final Process process;

	private final Path log;

	private ForkedNode(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/** Entry point of the forked JVM: {@code <clock offset in ms> <application arguments…>}. */
	public static void main(String[] args) {
		TimeZone.setDefault(TimeZone.getTimeZone(Zone.ID));
		long offset = Long.parseLong(args[0]);
		if (offset != 0) {
			ClockUtil.offset(offset);
		}
		SpringApplication.run(KooperationApplication.class, Arrays.copyOfRange(args, 1, args.length));
	}

	static ForkedNode start(String name, Map<String, String> settings, long clockOffsetMillis, Path log) {
		List<String> args = new ArrayList<>(List.of(Long.toString(clockOffsetMillis)));
		settings.forEach((key, value) -> args.add("--" + key + "=" + value));
		return launch(name, ForkedNode.class.getName(), List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"), args, log);
	}

	/** Any main class of the test classpath in a JVM of its own, output to {@code log}. */
	static ForkedNode launch(String name, String mainClass, List<String> jvmOptions, List<String> args, Path log) {
		// without empty entries: an empty entry is the working directory, whose processes/ and forms/ would be
		// deployed a second time under the same names (a changed deployment: new versions, new timers)
		String classpath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
			.split(java.io.File.pathSeparator)).filter(entry -> !entry.isBlank()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Duser.timezone=" + Zone.ID, "-Duser.language=de"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classpath, mainClass));
		command.addAll(args);
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			return new ForkedNode(name, process, log);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	long pid() {
		return process.pid();
	}

	boolean alive() {
		return process.isAlive();
	}

	/** Resident memory now and its peak so far (kB), from /proc (Linux). */
	long[] residentKb() {
		try {
			long rss = -1;
			long peak = -1;
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					rss = Long.parseLong(line.replaceAll("\\D", ""));
				}
				else if (line.startsWith("VmHWM:")) {
					peak = Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
			return new long[] { rss, peak };
		}
		catch (IOException e) {
			return new long[] { -1, -1 };
		}
	}

	/** SIGTERM: the node shuts down as on a normal stop. */
	void stop() {
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				kill();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	String name() {
		return name;
	}

	void awaitStarted(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (logMatches(STARTED)) {
				return;
			}
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + ", see " + log);
			}
			ClusterSupport.sleep(200);
		}
		throw new IllegalStateException(name + " did not start within " + timeout + ", see " + log);
	}

	private boolean logMatches(java.util.regex.Pattern pattern) {
		try {
			return Files.exists(log) && pattern.matcher(Files.readString(log)).find();
		}
		catch (IOException e) {
			return false;
		}
	}

	/** SIGKILL: the node stops between two instructions. */
	void kill() {
		process.destroyForcibly();
		try {
			process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			kill();
		}
	}

}
