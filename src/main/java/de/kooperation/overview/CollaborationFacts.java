package de.kooperation.overview;

import static de.kooperation.shared.CollaborationProcess.Elements.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Milestone;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.shared.Zone;

/**
 * What the pages tell about a collaboration: its phase, the open tasks of both sides, what is
 * overdue per party (tasks and milestones), the next milestone and the last activity.
 */
@Service
class CollaborationFacts {

	static final ZoneId ZONE = ZoneId.of(Zone.ID);

	static final String AGENCY = "Transferagentur";

	static final String MUNICIPALITY = "Kommune";

	static final String ENDED = "Beendet";

	static final String NOT_STARTED = "Nicht begonnen";

	/** Phase of the main process by its active element. */
	static final Map<String, String> PHASES = Map.ofEntries(Map.entry(INTRODUCTORY_TALKS, "Einleitende Gespräche"),
			Map.entry(CALL_AGREEMENT, "Zielvereinbarung"), Map.entry(SCHEDULE_EXPLORATORY_MEETING, "Sondierung"),
			Map.entry(EXPLORATORY_MEETING, "Sondierung"), Map.entry(CALL_BASELINE_ANALYSIS, "Bedarfsanalyse"),
			Map.entry(CHOOSE_DISCOURSE_FORMATS, "Diskurs"), Map.entry(HOLD_DISCOURSE, "Diskurs"),
			Map.entry(ACKNOWLEDGE_RECOMMENDATIONS, "Diskurs"), Map.entry(CONCRETISE_GOALS, "Konkretisierung"),
			Map.entry(SUPPORT_CONCRETISATION, "Konkretisierung"), Map.entry(PREPARE_TRANSFER_PLAN, "Konkretisierung"),
			Map.entry(CALL_REVISION, "Fortschreibung"), Map.entry(CALL_IMPLEMENTATION, "Umsetzung"),
			Map.entry(FINAL_REPORT, "Abschluss"), Map.entry(RECORD_TERMINATION, "Beendigung"));

	/**
	 * The phase a completed step of the main process belonged to, in the same names as {@link #PHASES}
	 * (the funder report lists the phases passed in them): the publicity around the signing, which
	 * runs beside the Sondierung and never names the current phase, belongs to the Zielvereinbarung.
	 */
	static String phaseOfStep(String activityId) {
		if (SIGNING_PUBLICITY.equals(activityId) || SUPPORT_SIGNING_PUBLICITY.equals(activityId)) {
			return PHASES.get(CALL_AGREEMENT);
		}
		return PHASES.get(activityId);
	}

	/** All phases in the order of the lifecycle, for filters. */
	static final List<String> PHASE_ORDER = List.of("Einleitende Gespräche", "Zielvereinbarung", "Sondierung", "Bedarfsanalyse",
			"Diskurs", "Konkretisierung", "Fortschreibung", "Umsetzung", "Abschluss", "Beendigung", ENDED, NOT_STARTED);

	record OpenTask(String name, String party, LocalDate due, boolean overdue, String taskId) {
	}

	/**
	 * @param overdueAgency the agency's overdue tasks and milestones together (a milestone counts for each
	 *        party with a part in it); {@code overdueMilestonesAgency} of them are milestones
	 */
	record Summary(Municipality municipality, String processInstanceId, String phase, String transferManager,
			Milestone nextMilestone, int overdueAgency, int overdueMunicipality, Instant lastActivity, int overdueMilestonesAgency,
			int overdueMilestonesMunicipality) {

		public int overdueTasksAgency() {
			return overdueAgency - overdueMilestonesAgency;
		}

		public int overdueTasksMunicipality() {
			return overdueMunicipality - overdueMilestonesMunicipality;
		}

		/** Milestones are due only while the collaboration runs: after its end none is overdue. */
		public boolean milestonesDue() {
			return !ENDED.equals(phase);
		}

		public String cockpitLink() {
			return processInstanceId == null ? null : "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime";
		}

	}

	private final TaskService taskService;

	private final MunicipalityRepository municipalities;

	private final Agreements agreements;

	private final JdbcClient jdbc;

	CollaborationFacts(TaskService taskService, MunicipalityRepository municipalities, Agreements agreements, JdbcClient jdbc) {
		this.taskService = taskService;
		this.municipalities = municipalities;
		this.agreements = agreements;
		this.jdbc = jdbc;
	}

	static boolean isRunning(Summary summary) {
		return !ENDED.equals(summary.phase()) && !NOT_STARTED.equals(summary.phase());
	}

	static LocalDate today() {
		return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
	}

	/** Every Kommune's facts, by name: seven queries, whatever the number of Kommunen (none per collaboration). */
	List<Summary> all() {
		return summaries(municipalities.findAll(), null, agreements.currentMilestonesOfAll());
	}

	Summary summary(Municipality municipality) {
		String id = municipality.id();
		return summaries(List.of(municipality), id,
				Map.of(id, agreements.current(id).map(AgreementVersion::milestones).orElse(List.of()))).get(0);
	}

	/**
	 * The facts of these Kommunen from set-based queries over the engine's runtime and history
	 * tables (only the one Kommune's rows when {@code only} is given, else everyone's).
	 */
	private List<Summary> summaries(List<Municipality> which, String only, Map<String, List<Milestone>> milestonesInForce) {
		Map<String, Running> running = running(only);
		Map<String, Started> latest = latestCollaborations(only);
		Map<String, int[]> overdueTasks = overdueTasks(only);
		Map<String, Instant> lastTaskEnds = lastTaskEnds(only);
		LocalDate today = today();
		List<Summary> summaries = new ArrayList<>(which.size());
		for (Municipality municipality : which) {
			String id = municipality.id();
			Running live = running.get(id);
			Started last = latest.get(id);
			String phase = live != null ? live.phase() : last != null ? ENDED : NOT_STARTED;
			String instanceId = live != null ? live.instanceId() : last != null ? last.instanceId() : null;
			int[] overdue = overdueTasks.getOrDefault(id, new int[2]);
			Milestone next = null;
			int lateMilestonesAgency = 0;
			int lateMilestonesMunicipality = 0;
			// an ended collaboration owes no milestone any more
			if (!phase.equals(ENDED)) {
				for (Milestone milestone : milestonesInForce.getOrDefault(id, List.of())) {
					if (milestone.lateOn(today)) {
						lateMilestonesAgency += blank(milestone.agencyPart()) ? 0 : 1;
						lateMilestonesMunicipality += blank(milestone.municipalityPart()) ? 0 : 1;
					}
					if (!milestone.closed() && milestone.dueOn() != null && (next == null || milestone.dueOn().isBefore(next.dueOn()))) {
						next = milestone;
					}
				}
			}
			Instant started = last == null ? null : last.start();
			Instant taskEnd = lastTaskEnds.get(id);
			Instant lastActivity = taskEnd != null && (started == null || taskEnd.isAfter(started)) ? taskEnd : started;
			summaries.add(new Summary(municipality, instanceId, phase, live == null ? null : live.transferManager(), next,
					overdue[0] + lateMilestonesAgency, overdue[1] + lateMilestonesMunicipality, lastActivity, lateMilestonesAgency,
					lateMilestonesMunicipality));
		}
		return summaries;
	}

	private record Running(String instanceId, String phase, String transferManager) {
	}

	private record Started(String instanceId, Instant start) {
	}

	/**
	 * The running collaboration per Kommune (business key): its phase by the active elements of
	 * the main process (as {@code RuntimeService#getActiveActivityIds} finds them: active
	 * executions with an element) and its transfer manager (the instance's variable).
	 */
	private Map<String, Running> running(String only) {
		record Row(String municipalityId, String instanceId, String activityId, String transferManager) {
		}
		List<Object> params = new ArrayList<>(List.of(Boolean.TRUE, CollaborationProcess.Vars.TRANSFER_MANAGER, CollaborationProcess.KEY));
		List<Row> rows = jdbc.sql("select pi.BUSINESS_KEY_, pi.ID_, x.ACT_ID_, v.TEXT_ from ACT_RU_EXECUTION pi "
				+ "join ACT_RE_PROCDEF d on d.ID_ = pi.PROC_DEF_ID_ "
				+ "left join ACT_RU_EXECUTION x on x.PROC_INST_ID_ = pi.ID_ and x.IS_ACTIVE_ = ? and x.ACT_ID_ is not null "
				// by its scope and name, the engine's unique index: one row per collaboration (on the name
				// alone, PostgreSQL read every collaboration's transferManager for each one: seconds at 1,000)
				+ "left join ACT_RU_VARIABLE v on v.VAR_SCOPE_ = pi.ID_ and v.EXECUTION_ID_ = pi.ID_ and v.TASK_ID_ is null and v.NAME_ = ? "
				+ "where pi.ID_ = pi.PROC_INST_ID_ and d.KEY_ = ?" + onlyOne("pi", only, params)
				+ " order by pi.BUSINESS_KEY_, case when x.ID_ = pi.ID_ then 0 else 1 end, x.ACT_ID_")
			.params(params)
			.query((rs, row) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		Map<String, Running> running = new HashMap<>();
		for (Row row : rows) {
			Running known = running.get(row.municipalityId());
			String phase = row.activityId() == null ? null : PHASES.get(row.activityId());
			if (known == null) {
				running.put(row.municipalityId(), new Running(row.instanceId(), phase, row.transferManager()));
			}
			else if (known.phase() == null && phase != null) {
				running.put(row.municipalityId(), new Running(known.instanceId(), phase, known.transferManager()));
			}
		}
		running.replaceAll((id, live) -> live.phase() != null ? live : new Running(live.instanceId(), "Umsetzung", live.transferManager()));
		return running;
	}

	/** The latest collaboration (running or ended) per Kommune, by start. */
	private Map<String, Started> latestCollaborations(String only) {
		List<Object> params = new ArrayList<>(List.of(CollaborationProcess.KEY));
		Map<String, Started> latest = new HashMap<>();
		jdbc.sql("select p.BUSINESS_KEY_, p.PROC_INST_ID_, p.START_TIME_ from ACT_HI_PROCINST p where p.PROC_DEF_KEY_ = ?"
				+ onlyOne("p", only, params))
			.params(params)
			.query((rs, row) -> new Object[] { rs.getString(1), new Started(rs.getString(2), rs.getTimestamp(3).toInstant()) })
			.list()
			.forEach(row -> latest.merge((String) row[0], (Started) row[1],
					(one, other) -> other.start().isAfter(one.start()) ? other : one));
		return latest;
	}

	/**
	 * Open tasks past their due date per Kommune (every process with its business key) and party:
	 * the Kommune's when offered to a Kommune group, else the agency's ({ agency, Kommune }).
	 */
	private Map<String, int[]> overdueTasks(String only) {
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(ClockUtil.getCurrentTime().toInstant())));
		Map<String, int[]> overdue = new HashMap<>();
		jdbc.sql("select municipality, party, count(*) from (select e.BUSINESS_KEY_ as municipality, "
				+ "case when exists (select 1 from ACT_RU_IDENTITYLINK l where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' "
				+ "and l.GROUP_ID_ like '" + PartyGroups.MUNICIPALITY_GROUPS_LIKE + "') then 'K' else 'A' end as party "
				+ "from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ "
				+ "where t.DUE_DATE_ < ?" + onlyOne("e", only, params) + ") late group by municipality, party")
			.params(params)
			.query((rs, row) -> overdue.computeIfAbsent(rs.getString(1), id -> new int[2])["K".equals(rs.getString(2)) ? 1 : 0] = rs
				.getInt(3))
			.list();
		return overdue;
	}

	/** When the last task of each Kommune's processes was completed. */
	private Map<String, Instant> lastTaskEnds(String only) {
		List<Object> params = new ArrayList<>();
		Map<String, Instant> ends = new HashMap<>();
		jdbc.sql("select p.BUSINESS_KEY_, max(t.END_TIME_) from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.PROC_INST_ID_ = t.PROC_INST_ID_ "
				+ "where t.END_TIME_ is not null" + onlyOne("p", only, params) + " group by p.BUSINESS_KEY_")
			.params(params)
			.query((rs, row) -> ends.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		return ends;
	}

	/** The condition on the business key when only one Kommune is asked about (its parameter added), else none. */
	private static String onlyOne(String table, String only, List<Object> params) {
		if (only == null) {
			return "";
		}
		params.add(only);
		return " and " + table + ".BUSINESS_KEY_ = ?";
	}

	/** Open tasks of both sides in the collaboration and its called processes (same business key), by due date. */
	List<OpenTask> openTasks(String municipalityId) {
		LocalDate today = today();
		List<OpenTask> open = new ArrayList<>();
		for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(municipalityId).list()) {
			LocalDate due = task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(ZONE).toLocalDate();
			open.add(new OpenTask(task.getName(), partyOf(task), due, task.getDueDate() != null
					&& task.getDueDate().before(ClockUtil.getCurrentTime()), task.getId()));
		}
		open.sort(Comparator.comparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder())));
		return open;
	}

	private String partyOf(Task task) {
		boolean municipality = taskService.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.anyMatch(group -> PartyGroups.municipalityOf(group).isPresent());
		return municipality ? MUNICIPALITY : AGENCY;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
