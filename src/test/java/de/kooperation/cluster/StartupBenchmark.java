package de.kooperation.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import de.kooperation.KooperationApplication;

/**
 * Benchmark 1 (and the idle part of benchmark 5): seconds from the JVM's start until Tasklist
 * answers (HTTP 200 on /camunda/app/tasklist/default/), for Kooperation and for a bare Camunda 7.24
 * Spring Boot application with one trivial process ({@code benchmark.bare.BareCamundaApplication}),
 * both started the same way (java -cp, default JVM options, H2 file database): the first start on an
 * empty database (tables created, models deployed) and a restart on it; then the resident memory
 * after 10 seconds idle. {@code -Dstartup.runs} (default 3) runs each, the median is reported.
 * {@code mvn -Pbenchmark test -Dtest=StartupBenchmark}.
 */
@Tag(Benchmarks.TAG)
class StartupBenchmark {

	static final int RUNS = Integer.getInteger("startup.runs", 3);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	record Start(double seconds, long rssKb, long peakKb) {
	}

	@Test
	void kooperationAgainstABareCamundaApplication() throws IOException {
		List<Start[]> bare = runs("bare", "benchmark.bare.BareCamundaApplication",
				(dir) -> List.of("--bare.data-dir=" + dir));
		List<Start[]> ours = runs("kooperation", KooperationApplication.class.getName(),
				(dir) -> List.of("--kooperation.data-dir=" + dir, "--kooperation.demo-data=false", "--kooperation.mail.embedded-port=0"));
		List<Start[]> demo = runs("kooperation-demo", KooperationApplication.class.getName(),
				(dir) -> List.of("--kooperation.data-dir=" + dir, "--kooperation.demo-data=true", "--kooperation.mail.embedded-port=0"));

		report("bare Camunda 7.24", bare, bare);
		report("Kooperation", ours, bare);
		report("Kooperation with demo data", demo, bare);
	}

	private List<Start[]> runs(String name, String mainClass, Function<Path, List<String>> settings) throws IOException {
		List<Start[]> runs = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			Path dir = Files.createTempDirectory("startup-" + name);
			Start first = start(name, mainClass, settings.apply(dir));
			Start again = start(name, mainClass, settings.apply(dir));
			runs.add(new Start[] { first, again });
		}
		return runs;
	}

	private Start start(String name, String mainClass, List<String> settings) throws IOException {
		int port = freePort();
		List<String> args = new ArrayList<>(settings);
		args.add("--server.port=" + port);
		long started = System.nanoTime();
		ForkedNode app = ForkedNode.launch(name, mainClass, List.of(), args, Path.of("target", "startup-" + name + ".log"));
		try {
			URI tasklist = URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
			while (!answers(tasklist)) {
				if (!app.alive()) {
					throw new IllegalStateException(name + " ended, see target/startup-" + name + ".log");
				}
				if (System.nanoTime() - started > Duration.ofMinutes(5).toNanos()) {
					throw new IllegalStateException(name + " not up after 5 minutes");
				}
				ClusterSupport.sleep(50);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			ClusterSupport.sleep(10_000);
			long[] memory = app.residentKb();
			return new Start(seconds, memory[0], memory[1]);
		}
		finally {
			app.stop();
		}
	}

	private boolean answers(URI uri) {
		try {
			return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static double median(List<Start[]> runs, int which, java.util.function.ToDoubleFunction<Start> figure) {
		List<Double> values = new ArrayList<>(runs.stream().map(run -> figure.applyAsDouble(run[which])).toList());
		Collections.sort(values);
		return values.get(values.size() / 2);
	}

	private static void report(String label, List<Start[]> runs, List<Start[]> bare) {
		double first = median(runs, 0, Start::seconds);
		double again = median(runs, 1, Start::seconds);
		double bareFirst = median(bare, 0, Start::seconds);
		double bareAgain = median(bare, 1, Start::seconds);
		Benchmarks.report("startup", String.format(Locale.ROOT,
				"%s: Tasklist answers after %.1f s on an empty database (x%.2f of bare), %.1f s on restart (x%.2f);"
						+ " idle RSS %d MB (peak %d MB); median of %d, all first starts %s",
				label, first, first / bareFirst, again, again / bareAgain, (long) median(runs, 1, Start::rssKb) / 1024,
				(long) median(runs, 1, Start::peakKb) / 1024, runs.size(),
				runs.stream().map(run -> String.format(Locale.ROOT, "%.1f", run[0].seconds())).toList()));
	}

}
