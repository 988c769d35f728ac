package de.kooperation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.zaxxer.hikari.HikariDataSource;

import de.kooperation.EngineClock;
import de.kooperation.Scenario;
import de.kooperation.collaboration.CollaborationService;

/**
 * Benchmark 2 (and the load part of benchmark 5): {@code -Dcollaborations} (default 400)
 * collaborations through their whole lifecycle, each from January 2026 to the end of its funding
 * three years later, the engine clock moved from timer to timer, every task completed with typical
 * form answers (as the journey tests do); against the bare engine (Camunda 7.24 alone, same H2,
 * same history level, a Hikari pool too) completing as many trivial user tasks. Per completed task:
 * wall time, CPU time of the driving thread, SQL statements (H2 query statistics). Then the peak
 * resident memory of this JVM. Both on the in-memory H2 of the process tests, without job executor
 * and coverage recording. {@code mvn -Pbenchmark test -Dtest=LifecycleBenchmark}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(Scenario.class)
@Tag(Benchmarks.TAG)
class LifecycleBenchmark {

	static final int COLLABORATIONS = Integer.getInteger("collaborations", 400);

	private static final String[] STATES = { "TH", "NI", "RP", "BY", "NW", "SN" };

	@Autowired
	Scenario scenario;

	@Autowired
	CollaborationService collaborations;

	@Autowired
	ProcessEngine engine;

	@Autowired
	DataSource dataSource;

	record Figures(long tasks, double seconds, double cpuSeconds, long statements, Map<String, long[]> bySql) {

		String perTask() {
			return String.format(Locale.ROOT, "%.2f ms, %.2f ms CPU, %.1f SQL statements per task", seconds * 1000 / tasks,
					cpuSeconds * 1000 / tasks, (double) statements / tasks);
		}

	}

	@RegisterExtension
	static final EngineClock CLOCK = new EngineClock();

	@Test
	void collaborationsThroughTheirLifecycleAgainstTheBareEngineCompletingAsManyTasks() throws Exception {
		// warm-up (class loading, JIT, caches) of both, not counted
		walk(5);
		Figures ours = walk(COLLABORATIONS);
		Figures bare;
		try (HikariDataSource bareDataSource = h2("bare-" + UUID.randomUUID())) {
			ProcessEngine bareEngine = bareEngine(bareDataSource);
			try {
				trivialTasks(bareEngine, bareDataSource, 200);
				bare = trivialTasks(bareEngine, bareDataSource, ours.tasks());
			}
			finally {
				bareEngine.close();
			}
		}
		writeSqlBreakdown(ours, bare);
		long[] memory = residentKb();
		Benchmarks.report("lifecycle", String.format(Locale.ROOT,
				"%d collaborations, %d tasks completed in %.0f s: %s; bare engine, %d trivial tasks in %.0f s: %s;"
						+ " ratio wall x%.1f, CPU x%.1f, statements x%.1f",
				COLLABORATIONS, ours.tasks(), ours.seconds(), ours.perTask(), bare.tasks(), bare.seconds(), bare.perTask(),
				(ours.seconds() / ours.tasks()) / (bare.seconds() / bare.tasks()),
				(ours.cpuSeconds() / ours.tasks()) / (bare.cpuSeconds() / bare.tasks()),
				((double) ours.statements() / ours.tasks()) / ((double) bare.statements() / bare.tasks())));
		Benchmarks.report("memory", String.format(Locale.ROOT,
				"JVM running benchmark 2 (Kooperation in a test context, H2 in memory, -Xmx2g): RSS %d MB now, peak %d MB",
				memory[0] / 1024, memory[1] / 1024));
	}

	/** That many collaborations from start to end; what it took. */
	private Figures walk(int count) throws SQLException {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long tasksBefore = engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count();
		long statementsBefore = statements(dataSource);
		Map<String, long[]> sqlBefore = bySql(dataSource);
		long cpuBefore = threads.getCurrentThreadCpuTime();
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			scenario.moveClockTo(LocalDateTime.of(2026, 1, 5, 9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
			String municipality = scenario.newMunicipality(STATES[i % STATES.length]).id();
			ProcessInstance collaboration = collaborations.start(municipality, "2028-12-31", null);
			scenario.advance(collaboration, null, decisions());
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(municipality).count())
				.as("collaboration %s ended", municipality).isZero();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
		long tasks = engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count() - tasksBefore;
		return new Figures(tasks, seconds, cpu, statements(dataSource) - statementsBefore, delta(sqlBefore, bySql(dataSource)));
	}

	private static Map<String, Object> decisions() {
		return new HashMap<>(Map.of("continueCollaboration", true, "transferPlanWanted", true, "recommendationsAcknowledged", true));
	}

	private static HikariDataSource h2(String name) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		dataSource.setUsername("sa");
		dataSource.setPassword("");
		return dataSource;
	}

	/** Camunda alone, configured like ours where it matters: full history, authorization on, schema created. */
	private static ProcessEngine bareEngine(DataSource dataSource) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
			.setDataSource(dataSource)
			.setDatabaseSchemaUpdate("true")
			.setHistory("full")
			.setJobExecutorActivate(false)
			.setProcessEngineName("bare");
		configuration.setAuthorizationEnabled(true);
		ProcessEngine bare = configuration.buildProcessEngine();
		bare.getRepositoryService().createDeployment().addClasspathResource("bare/trivial.bpmn").deploy();
		return bare;
	}

	private static Figures trivialTasks(ProcessEngine bare, DataSource dataSource, long count) throws SQLException {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long statementsBefore = statements(dataSource);
		Map<String, long[]> sqlBefore = bySql(dataSource);
		long cpuBefore = threads.getCurrentThreadCpuTime();
		long started = System.nanoTime();
		for (long i = 0; i < count; i++) {
			ProcessInstance instance = bare.getRuntimeService().startProcessInstanceByKey("trivial");
			Task task = bare.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
			bare.getTaskService().complete(task.getId());
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
		return new Figures(count, seconds, cpu, statements(dataSource) - statementsBefore, delta(sqlBefore, bySql(dataSource)));
	}

	/** SQL statements the database executed so far (H2 query statistics, switched on at the first call). */
	private static long statements(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
			statement.execute("SET QUERY_STATISTICS TRUE");
			try (ResultSet rows = statement.executeQuery("select coalesce(sum(EXECUTION_COUNT), 0) from INFORMATION_SCHEMA.QUERY_STATISTICS"
					+ " where SQL_STATEMENT not like '%QUERY_STATISTICS%'")) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/** Executions and milliseconds per SQL text so far (H2 query statistics). */
	private static Map<String, long[]> bySql(DataSource dataSource) throws SQLException {
		statements(dataSource);
		Map<String, long[]> bySql = new HashMap<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME"
						+ " from INFORMATION_SCHEMA.QUERY_STATISTICS")) {
			while (rows.next()) {
				bySql.put(rows.getString(1).replaceAll("\\s+", " "), new long[] { rows.getLong(2), (long) rows.getDouble(3) });
			}
		}
		return bySql;
	}

	private static Map<String, long[]> delta(Map<String, long[]> before, Map<String, long[]> after) {
		Map<String, long[]> delta = new HashMap<>();
		after.forEach((sql, figures) -> {
			long[] old = before.getOrDefault(sql, new long[2]);
			if (figures[0] > old[0]) {
				delta.put(sql, new long[] { figures[0] - old[0], figures[1] - old[1] });
			}
		});
		return delta;
	}

	/** target/benchmark-lifecycle-sql.txt: the statements per completed task, most frequent first, by table and kind. */
	private static void writeSqlBreakdown(Figures ours, Figures bare) throws java.io.IOException {
		StringBuilder out = new StringBuilder();
		Map<String, Figures> both = new java.util.LinkedHashMap<>();
		both.put("Kooperation", ours);
		both.put("bare engine", bare);
		for (var entry : both.entrySet()) {
			Figures figures = entry.getValue();
			out.append("== ").append(entry.getKey()).append(": statements per completed task, by statement kind and table\n");
			Map<String, long[]> byKind = new HashMap<>();
			figures.bySql().forEach((sql, counts) -> byKind.merge(kind(sql), counts.clone(), (a, b) -> new long[] { a[0] + b[0], a[1] + b[1] }));
			byKind.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(40)
				.forEach(kind -> out.append(String.format(Locale.ROOT, "%8.2f per task  %8d ms total  %s%n",
						(double) kind.getValue()[0] / figures.tasks(), kind.getValue()[1], kind.getKey())));
		}
		Files.writeString(Path.of("target", "benchmark-lifecycle-sql.txt"), out);
	}

	/** "select ACT_RU_TASK", "insert ACT_HI_DETAIL" …: the statement's kind and first table. */
	static String kind(String sql) {
		String normalized = sql.trim().toLowerCase(Locale.ROOT);
		String verb = normalized.split(" ")[0];
		java.util.regex.Matcher table = java.util.regex.Pattern.compile("(?:from|into|update|join)\\s+([a-z_.]+)").matcher(normalized);
		return verb + " " + (table.find() ? table.group(1) : "?");
	}

	static long[] residentKb() throws java.io.IOException {
		long rss = -1;
		long peak = -1;
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) {
				rss = Long.parseLong(line.replaceAll("\\D", ""));
			}
			else if (line.startsWith("VmHWM:")) {
				peak = Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return new long[] { rss, peak };
	}

}
