package de.kooperation.reminder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;

/**
 * The periodic sweep: for every open task with a due date it decides which reminder is due now
 * and, if that one was not decided on before, records it and starts a {@code reminder} process
 * that sends it in a job of its own. The sweep itself is a single timer job, so in a cluster
 * only one node sweeps at a time; the unique key of the reminder table is the last guard.
 */
@Component("reminderSweepDelegate")
class ReminderSweep implements JavaDelegate {

	private static final int PAGE = 500;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final MunicipalityRepository municipalities;

	private final ReminderPlanner planner;

	private final ReminderRepository reminders;

	private final ReminderProperties properties;

	private final JdbcClient jdbc;

	private final MilestoneReminders milestones;

	private final PlanReminders planActivities;

	ReminderSweep(TaskService taskService, RuntimeService runtimeService, MunicipalityRepository municipalities,
			ReminderPlanner planner, ReminderRepository reminders, ReminderProperties properties, JdbcClient jdbc,
			MilestoneReminders milestones, PlanReminders planActivities) {
		this.milestones = milestones;
		this.planActivities = planActivities;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.municipalities = municipalities;
		this.planner = planner;
		this.reminders = reminders;
		this.properties = properties;
		this.jdbc = jdbc;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		execution.setVariable("remindersScheduled", sweep(now) + milestones.sweep(now) + planActivities.sweep(now));
	}

	/** Schedules the reminders due at {@code now}; returns how many were new. */
	int sweep(Instant now) {
		int longest = properties.getDaysBefore().stream().mapToInt(Integer::intValue).max().orElse(0);
		// a week of slack covers weekends and holidays before the due day
		Date horizon = Date.from(now.plus(Duration.ofDays(longest + 7)));
		Map<String, Municipality> municipalityCache = new HashMap<>();
		int scheduled = 0;
		for (int first = 0;; first += PAGE) {
			List<Task> tasks = taskService.createTaskQuery().dueBefore(horizon).orderByTaskId().asc().listPage(first, PAGE);
			if (tasks.isEmpty()) {
				return scheduled;
			}
			Map<String, String> businessKeys = businessKeys(tasks);
			Set<String> known = knownReminders(tasks);
			for (Task task : tasks) {
				Municipality municipality = municipalityOf(businessKeys.get(task.getProcessInstanceId()), municipalityCache);
				String state = municipality == null ? null : municipality.federalState();
				String municipalityId = municipality == null ? null : municipality.id();
				LocalDate dueDay = ReminderPlanner.dayOf(task.getDueDate());
				Instant dueAt = task.getDueDate().toInstant();
				Instant created = task.getCreateTime().toInstant();
				for (ReminderPlanner.Point point : List.of(planner.current(dueDay, state, created, now),
						planner.escalationDue(dueDay, state, now)).stream().flatMap(Optional::stream).toList()) {
					if (known.add(key(task.getId(), point.kind(), dueAt))) {
						String id = reminders.schedule(ReminderProcess.SUBJECT_TASK, task.getId(), point.kind(), dueAt, municipalityId, now);
						runtimeService.startProcessInstanceByKey(ReminderProcess.KEY, Map.of(ReminderProcess.VAR_REMINDER_ID, id));
						scheduled++;
					}
				}
			}
		}
	}

	private Map<String, String> businessKeys(List<Task> tasks) {
		Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, String> keys = new HashMap<>();
		for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()) {
			if (instance.getBusinessKey() != null) {
				keys.put(instance.getId(), instance.getBusinessKey());
			}
		}
		return keys;
	}

	private Municipality municipalityOf(String businessKey, Map<String, Municipality> cache) {
		if (businessKey == null) {
			return null;
		}
		return cache.computeIfAbsent(businessKey, key -> municipalities.findById(key).orElse(null));
	}

	/** Reminders already decided on for these tasks, as keys, in one query per page. */
	private Set<String> knownReminders(List<Task> tasks) {
		List<String> ids = tasks.stream().map(Task::getId).toList();
		if (ids.isEmpty()) {
			return new HashSet<>();
		}
		String placeholders = String.join(",", Collections.nCopies(ids.size(), "?"));
		return new HashSet<>(jdbc.sql("select subject_id, kind, due_at from koop_reminder where subject_type = 'TASK' and subject_id in ("
				+ placeholders + ")")
			.params(ids)
			.query((rs, row) -> key(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list());
	}

	private static String key(String subjectId, String kind, Instant dueAt) {
		return subjectId + "|" + kind + "|" + Timestamp.from(dueAt).getTime();
	}

}
