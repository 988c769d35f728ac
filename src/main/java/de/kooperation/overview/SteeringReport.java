package de.kooperation.overview;

import static de.kooperation.shared.CollaborationProcess.Elements.*;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.maturity.MaturityAssessments;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.CoreElement;

/**
 * The agency's own steering report (Cockpit's community edition has none): how long each phase
 * took per Kommune, how many tasks were late per party, and how the maturity profile moved from
 * the first to the latest Standortbestimmung. Set-based: three queries over all collaborations,
 * whatever their number, never one per collaboration; the database aggregates, so what comes back
 * is a row per phase of a collaboration, a row per task of a model and a row per core element.
 */
@Component
class SteeringReport {

	/** What the agreements promise for the Bedarfsanalyse: done about 3 to 6 months after the Sondierung. */
	static final int ANALYSIS_PROMISED_MIN_MONTHS = 3;

	static final int ANALYSIS_PROMISED_MAX_MONTHS = 6;

	static final String ANALYSIS = "Bedarfsanalyse";

	/** The phases measured, in the order of the lifecycle, with the main process's elements that make them up. */
	static final Map<String, List<String>> PHASES = phases();

	private static final double DAYS_PER_MONTH = 30.44;

	/** One phase of one collaboration: from the start of its first step to the end of its last. */
	record PhaseRun(String municipalityId, String phase, LocalDate from, LocalDate to, long days) {
	}

	/** One phase across all Kommunen that passed it. */
	record PhaseFigures(String phase, int kommunen, double medianDays, long longestDays, String longestMunicipality,
			int withinPromise, int overPromise) {

		public String medianMonths() {
			return months(medianDays);
		}

		public String longestMonths() {
			return months(longestDays);
		}

		/** Only the analysis has a promised duration. */
		public boolean promised() {
			return ANALYSIS.equals(phase);
		}

	}

	/** Tasks with a due date per party: how many in all, how many done late or overdue now. */
	record LateTasks(String party, long tasks, long late) {

		public long percent() {
			return tasks == 0 ? 0 : Math.round(100.0 * late / tasks);
		}

	}

	/** One core element across the Kommunen with at least two assessments. */
	record Movement(CoreElement element, int kommunen, double firstAverage, double latestAverage, int better, int same,
			int worse) {

		public String firstText() {
			return decimal(firstAverage);
		}

		public String latestText() {
			return decimal(latestAverage);
		}

	}

	record Report(List<PhaseFigures> phases, List<PhaseRun> runs, List<LateTasks> late, List<Movement> movements,
			int assessedKommunen) {
	}

	private final JdbcClient jdbc;

	private final RepositoryService repositoryService;

	/** Per process version (never changed once deployed): the ids of its user tasks offered to a Kommune. */
	private final Map<String, Set<String>> municipalityTasks = new ConcurrentHashMap<>();

	/**
	 * The report's three parts are independent aggregates over all collaborations, each a scan of
	 * its history; asked side by side (each on a connection of its own) the page waits for the
	 * slowest, not for their sum. A pool of its own, so a busy steering page never holds up the
	 * engine's job executor or the web requests.
	 */
	private final ExecutorService parts = Executors.newFixedThreadPool(3, partThreads());

	SteeringReport(JdbcClient jdbc, RepositoryService repositoryService) {
		this.jdbc = jdbc;
		this.repositoryService = repositoryService;
	}

	@PreDestroy
	void stop() {
		parts.shutdownNow();
	}

	Report report() {
		CompletableFuture<List<PhaseRun>> phaseRuns = part(this::phaseRuns);
		CompletableFuture<List<LateTasks>> lateTasks = part(this::lateTasks);
		CompletableFuture<List<Movement>> movementsAsked = part(this::movements);
		List<PhaseRun> runs = answer(phaseRuns);
		List<PhaseFigures> figures = new ArrayList<>();
		for (String phase : PHASES.keySet()) {
			List<PhaseRun> passed = runs.stream().filter(run -> run.phase().equals(phase)).toList();
			if (passed.isEmpty()) {
				figures.add(new PhaseFigures(phase, 0, 0, 0, null, 0, 0));
				continue;
			}
			long[] days = passed.stream().mapToLong(PhaseRun::days).sorted().toArray();
			double median = days.length % 2 == 1 ? days[days.length / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2.0;
			PhaseRun longest = passed.stream().max(Comparator.comparingLong(PhaseRun::days)).orElseThrow();
			int within = (int) passed.stream().filter(run -> run.days() <= ANALYSIS_PROMISED_MAX_MONTHS * DAYS_PER_MONTH).count();
			figures.add(new PhaseFigures(phase, passed.size(), median, longest.days(), longest.municipalityId(), within,
					passed.size() - within));
		}
		List<Movement> movements = answer(movementsAsked);
		return new Report(figures, runs, answer(lateTasks), movements, movements.stream().mapToInt(Movement::kommunen).max().orElse(0));
	}

	private <T> CompletableFuture<T> part(Supplier<T> query) {
		return CompletableFuture.supplyAsync(query, parts);
	}

	/** A part's answer, or its failure as thrown by the query itself (the error pages know those). */
	private static <T> T answer(CompletableFuture<T> part) {
		try {
			return part.join();
		}
		catch (CompletionException failed) {
			if (failed.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (failed.getCause() instanceof Error error) {
				throw error;
			}
			throw failed;
		}
	}

	private static CustomizableThreadFactory partThreads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("steering-report-");
		threads.setDaemon(true);
		return threads;
	}

	/**
	 * Every phase passed, per collaboration: the first start and the last end of its steps in the
	 * main process; a phase is passed when none of its steps is open or was cancelled (a
	 * termination cancels the step it interrupts). The database groups the steps by collaboration
	 * and phase, so one row per phase of a collaboration comes back, however often a step ran.
	 */
	private List<PhaseRun> phaseRuns() {
		Map<String, String> phaseOf = new LinkedHashMap<>();
		PHASES.forEach((phase, elements) -> elements.forEach(element -> phaseOf.put(element, phase)));
		List<String> order = List.copyOf(PHASES.keySet());
		// the phase's position in the lifecycle, from the step's element id (code constants, no input)
		String phaseIndex = phaseOf.entrySet().stream()
			.map(entry -> "when '" + entry.getKey() + "' then " + order.indexOf(entry.getValue()))
			.collect(Collectors.joining(" ", "case a.ACT_ID_ ", " end"));
		String in = phaseOf.keySet().stream().map(id -> "?").collect(Collectors.joining(", "));
		List<Object> params = new ArrayList<>();
		params.add(CollaborationProcess.KEY);
		params.addAll(phaseOf.keySet());
		record Run(String instance, String municipalityId, String phase, Instant start, Instant end, boolean open) {
		}
		List<Run> grouped = jdbc.sql("select instance_id, municipality_id, phase, min(started), max(ended), sum(still_open) from ("
				+ "select a.PROC_INST_ID_ as instance_id, p.BUSINESS_KEY_ as municipality_id, " + phaseIndex + " as phase, "
				+ "a.START_TIME_ as started, a.END_TIME_ as ended, "
				+ "case when a.END_TIME_ is null or a.ACT_INST_STATE_ = 2 then 1 else 0 end as still_open "
				+ "from ACT_HI_ACTINST a join ACT_HI_PROCINST p on p.PROC_INST_ID_ = a.PROC_INST_ID_ "
				+ "where a.PROC_DEF_KEY_ = ? and a.ACT_ID_ in (" + in + ")) steps "
				+ "group by instance_id, municipality_id, phase")
			.params(params)
			.query((rs, row) -> new Run(rs.getString(1), rs.getString(2), order.get(rs.getInt(3)), instant(rs.getTimestamp(4)),
					instant(rs.getTimestamp(5)), rs.getLong(6) > 0))
			.list();
		List<PhaseRun> runs = new ArrayList<>();
		// the same order as always: by collaboration and phase name, then stably by lifecycle and Kommune
		grouped.stream().sorted(Comparator.comparing(run -> run.instance() + "|" + run.phase())).forEach(run -> {
			if (run.open()) {
				return;
			}
			LocalDate first = run.start().atZone(CollaborationFacts.ZONE).toLocalDate();
			LocalDate last = run.end().atZone(CollaborationFacts.ZONE).toLocalDate();
			runs.add(new PhaseRun(run.municipalityId(), run.phase(), first, last,
					Duration.between(first.atStartOfDay(), last.atStartOfDay()).toDays()));
		});
		runs.sort(Comparator.comparing((PhaseRun run) -> order.indexOf(run.phase())).thenComparing(PhaseRun::municipalityId));
		return runs;
	}

	/**
	 * Tasks with a due date in every collaboration (called processes included), per party: the
	 * Kommune's when its model offers it to a Kommune group, else the agency's. Late: completed (or
	 * ended) after the due date, or still open past it. The database counts per task of a model (a
	 * few dozen rows); which party a task of a model is offered to comes from the model, once per
	 * process version, so no task's candidate links are read.
	 */
	private List<LateTasks> lateTasks() {
		Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
		Map<String, long[]> counts = new LinkedHashMap<>();
		counts.put(CollaborationFacts.AGENCY, new long[2]);
		counts.put(CollaborationFacts.MUNICIPALITY, new long[2]);
		jdbc.sql("select t.PROC_DEF_ID_, t.TASK_DEF_KEY_, count(*), "
				+ "sum(case when coalesce(t.END_TIME_, ?) > t.DUE_DATE_ then 1 else 0 end) "
				+ "from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.PROC_INST_ID_ = t.ROOT_PROC_INST_ID_ "
				+ "where t.DUE_DATE_ is not null and p.PROC_DEF_KEY_ = ? group by t.PROC_DEF_ID_, t.TASK_DEF_KEY_")
			.params(now, CollaborationProcess.KEY)
			.query((rs, row) -> new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4) })
			.list()
			.forEach(row -> {
				boolean municipality = offeredToMunicipality((String) row[0], (String) row[1]);
				long[] count = counts.get(municipality ? CollaborationFacts.MUNICIPALITY : CollaborationFacts.AGENCY);
				count[0] += (Long) row[2];
				count[1] += (Long) row[3];
			});
		return counts.entrySet().stream().map(entry -> new LateTasks(entry.getKey(), entry.getValue()[0], entry.getValue()[1])).toList();
	}

	/**
	 * Whether the user task of this process version is offered to a Kommune, by its model's candidate
	 * groups (every candidate group in our models is written there, none is added by code). A version
	 * deleted since is read as the newest version of its process.
	 */
	private boolean offeredToMunicipality(String processDefinitionId, String taskKey) {
		return municipalityTasks.computeIfAbsent(processDefinitionId, this::municipalityTasksOf).contains(taskKey);
	}

	private Set<String> municipalityTasksOf(String processDefinitionId) {
		BpmnModelInstance model;
		try {
			model = repositoryService.getBpmnModelInstance(processDefinitionId);
		}
		catch (ProcessEngineException gone) {
			String key = processDefinitionId.substring(0, Math.max(0, processDefinitionId.indexOf(':')));
			ProcessDefinition newest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
				.singleResult();
			if (newest == null) {
				return Set.of();
			}
			model = repositoryService.getBpmnModelInstance(newest.getId());
		}
		return model.getModelElementsByType(UserTask.class).stream()
			.filter(task -> PartyGroups.offeredToMunicipality(task.getCamundaCandidateGroups()))
			.map(UserTask::getId)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Each Kommune's first and latest assessment (by day, then by when recorded, then by id),
	 * compared per core element in the database: one row per core element comes back, whatever the
	 * number of Kommunen and assessments. A Kommune counts once it has two assessments. The
	 * assessments are ranked, not their ratings (a ninth of the rows to sort): every assessment
	 * rates all core elements, {@link MaturityAssessments#record} takes no fewer.
	 */
	private List<Movement> movements() {
		record Moved(String element, int kommunen, long firstSum, long latestSum, int better, int same, int worse) {
		}
		Map<String, Moved> byElement = new LinkedHashMap<>();
		jdbc.sql("select r1.element_id, count(*), sum(r1.level), sum(r2.level), "
				+ "sum(case when r2.level > r1.level then 1 else 0 end), "
				+ "sum(case when r2.level = r1.level then 1 else 0 end), "
				+ "sum(case when r2.level < r1.level then 1 else 0 end) from ("
				+ "select municipality_id, max(case when earliest = 1 then id end) as first_id, "
				+ "max(case when latest = 1 then id end) as latest_id from ("
				+ "select a.id, a.municipality_id, "
				+ "row_number() over (partition by a.municipality_id order by a.assessed_on, a.recorded_at, a.id) as earliest, "
				+ "row_number() over (partition by a.municipality_id order by a.assessed_on desc, a.recorded_at desc, a.id desc) as latest "
				+ "from koop_maturity_assessment a) ranked "
				+ "where earliest = 1 or latest = 1 group by municipality_id having count(*) = 2) pairs "
				+ "join koop_maturity_rating r1 on r1.assessment_id = pairs.first_id "
				+ "join koop_maturity_rating r2 on r2.assessment_id = pairs.latest_id and r2.element_id = r1.element_id "
				+ "group by r1.element_id")
			.query((rs, row) -> new Moved(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getInt(6),
					rs.getInt(7)))
			.list()
			.forEach(moved -> byElement.put(moved.element(), moved));
		List<Movement> movements = new ArrayList<>();
		for (CoreElement element : CoreElement.values()) {
			Moved moved = byElement.get(element.id());
			movements.add(moved == null ? new Movement(element, 0, 0, 0, 0, 0, 0)
					: new Movement(element, moved.kommunen(), (double) moved.firstSum() / moved.kommunen(),
							(double) moved.latestSum() / moved.kommunen(), moved.better(), moved.same(), moved.worse()));
		}
		return movements;
	}

	/** Semicolon-separated with a header per part, as German spreadsheets open it; UTF-8 with byte order mark. */
	String csv(Report report) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append("Teil;Phase / Partei / Kernelement;Kommune;Wert 1;Wert 2;Wert 3;Wert 4\r\n");
		for (PhaseFigures figures : report.phases()) {
			csv.append(line("Phasendauer (Tage)", figures.phase(), "alle", "Kommunen: " + figures.kommunen(),
					"Median: " + decimal(figures.medianDays()), "Längste: " + figures.longestDays(),
					figures.promised() ? "in 6 Monaten: " + figures.withinPromise() + ", länger: " + figures.overPromise() : ""));
		}
		for (PhaseRun run : report.runs()) {
			csv.append(line("Phase je Kommune", run.phase(), run.municipalityId(), "von " + run.from(), "bis " + run.to(),
					"Tage: " + run.days(), ""));
		}
		for (LateTasks late : report.late()) {
			csv.append(line("Verspätete Aufgaben", late.party(), "alle", "Aufgaben mit Frist: " + late.tasks(), "verspätet: " + late.late(),
					"Anteil: " + late.percent() + " %", ""));
		}
		for (Movement movement : report.movements()) {
			csv.append(line("Entwicklungsprofil", movement.element().label(), "Kommunen: " + movement.kommunen(),
					"erste: " + movement.firstText(), "letzte: " + movement.latestText(), "besser: " + movement.better(),
					"gleich: " + movement.same() + ", schlechter: " + movement.worse()));
		}
		return csv.toString();
	}

	private static String line(String... cells) {
		return Arrays.stream(cells).map(SteeringReport::cell).collect(Collectors.joining(";")) + "\r\n";
	}

	private static String cell(String value) {
		String text = value == null ? "" : value;
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text; // no formulas in a spreadsheet
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	static String months(double days) {
		return decimal(days / DAYS_PER_MONTH);
	}

	/** "4,5": one decimal, German comma. */
	static String decimal(double value) {
		return String.format(Locale.GERMANY, "%.1f", value);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static Map<String, List<String>> phases() {
		Map<String, List<String>> phases = new LinkedHashMap<>();
		phases.put("Einleitende Gespräche", List.of(INTRODUCTORY_TALKS));
		phases.put("Zielvereinbarung", List.of(CALL_AGREEMENT));
		phases.put("Sondierung", List.of(SCHEDULE_EXPLORATORY_MEETING, EXPLORATORY_MEETING));
		phases.put(ANALYSIS, List.of(CALL_BASELINE_ANALYSIS));
		phases.put("Diskurs", List.of(CHOOSE_DISCOURSE_FORMATS, HOLD_DISCOURSE, ACKNOWLEDGE_RECOMMENDATIONS));
		phases.put("Konkretisierung", List.of(CONCRETISE_GOALS, SUPPORT_CONCRETISATION, PREPARE_TRANSFER_PLAN));
		phases.put("Fortschreibung", List.of(CALL_REVISION));
		phases.put("Umsetzung", List.of(CALL_IMPLEMENTATION));
		return Collections.unmodifiableMap(phases);
	}

}
