package de.kooperation.reminder;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import de.kooperation.plan.TimelineChart;
import de.kooperation.shared.Zone;

/**
 * The weekly digest for users who prefer it to single reminders: on Monday morning one mail
 * with all their open work due in the next two weeks and all that is overdue.
 */
@Component("reminderDigestDelegate")
class WeeklyDigest implements JavaDelegate {

	private static final ZoneId ZONE = ZoneId.of(Zone.ID);

	private final IdentityService identityService;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final Recipients recipients;

	private final ReminderRepository reminders;

	private final ReminderProperties properties;

	private final MailComposer composer;

	private final Mailer mailer;

	private final PlanReminders planActivities;

	WeeklyDigest(IdentityService identityService, TaskService taskService, RuntimeService runtimeService, Recipients recipients,
			ReminderRepository reminders, ReminderProperties properties, MailComposer composer, Mailer mailer,
			PlanReminders planActivities) {
		this.planActivities = planActivities;
		this.identityService = identityService;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.recipients = recipients;
		this.reminders = reminders;
		this.properties = properties;
		this.composer = composer;
		this.mailer = mailer;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		// one digest per user and week, keyed by the Monday
		Instant week = now.atZone(ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.atStartOfDay(ZONE).toInstant();
		int scheduled = 0;
		for (User user : identityService.createUserQuery().list()) {
			if (recipients.prefersDigest(user.getId())
					&& (!openWork(user.getId(), now).isEmpty() || !planActivities.digestLines(user.getId(), now, properties.getDigestDays()).isEmpty())
					&& !reminders.exists(ReminderProcess.SUBJECT_DIGEST, user.getId(), ReminderKind.DIGEST.name(), week)) {
				String id = reminders.schedule(ReminderProcess.SUBJECT_DIGEST, user.getId(), ReminderKind.DIGEST.name(), week, null, now);
				runtimeService.startProcessInstanceByKey(ReminderProcess.KEY, Map.of(ReminderProcess.VAR_REMINDER_ID, id));
				scheduled++;
			}
		}
		execution.setVariable("digestsScheduled", scheduled);
	}

	/** Open tasks of the user (assigned, or offered to a group of theirs) due within the look-ahead. */
	List<Task> openWork(String userId, Instant now) {
		Date until = Date.from(now.plus(Duration.ofDays(properties.getDigestDays())));
		Map<String, Task> tasks = new LinkedHashMap<>();
		taskService.createTaskQuery().taskAssignee(userId).dueBefore(until).list().forEach(t -> tasks.put(t.getId(), t));
		taskService.createTaskQuery().taskCandidateUser(userId).dueBefore(until).list().forEach(t -> tasks.putIfAbsent(t.getId(), t));
		List<Task> sorted = new ArrayList<>(tasks.values());
		sorted.sort(Comparator.comparing(Task::getDueDate));
		return sorted;
	}

	boolean send(ReminderRepository.Reminder reminder, Instant now) {
		User user = identityService.createUserQuery().userId(reminder.subjectId()).singleResult();
		if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
			return false;
		}
		List<Task> work = openWork(user.getId(), now);
		List<PlanReminders.DigestLine> activities = planActivities.digestLines(user.getId(), now, properties.getDigestDays());
		if (work.isEmpty() && activities.isEmpty()) {
			return false;
		}
		LocalDate today = now.atZone(ZONE).toLocalDate();
		List<Map<String, Object>> overdue = new ArrayList<>();
		List<Map<String, Object>> upcoming = new ArrayList<>();
		for (Task task : work) {
			LocalDate due = ReminderPlanner.dayOf(task.getDueDate());
			Object name = taskService.getVariable(task.getId(), "municipalityName");
			Map<String, Object> row = new HashMap<>();
			row.put("taskName", task.getName());
			row.put("municipalityName", name == null ? "–" : name.toString());
			row.put("dueDate", SendReminder.GERMAN_DATE.format(due));
			row.put("link", properties.taskLink(task.getId()));
			(due.isBefore(today) ? overdue : upcoming).add(row);
		}
		// the ends of the activities of the Kommune's own Zeitplan, where it has them reminded of
		for (PlanReminders.DigestLine line : activities) {
			Map<String, Object> row = new HashMap<>();
			row.put("taskName", "Ende der Maßnahme „" + TimelineChart.shortened(line.activity().title(), 80)
					+ "“ (Zeitplan)");
			row.put("municipalityName", line.municipalityName());
			row.put("dueDate", SendReminder.GERMAN_DATE.format(line.end()));
			row.put("link", planActivities.link(line.municipalityId()));
			(line.end().isBefore(today) ? overdue : upcoming).add(row);
		}
		String subject = "Wochenübersicht: " + overdue.size() + " überfällig, " + upcoming.size() + " in den nächsten "
				+ properties.getDigestDays() + " Tagen fällig";
		Map<String, Object> model = new HashMap<>();
		model.put("subject", subject);
		model.put("name", (user.getFirstName() + " " + user.getLastName()).trim());
		model.put("overdue", overdue);
		model.put("upcoming", upcoming);
		model.put("days", properties.getDigestDays());
		MailComposer.Rendered rendered = composer.render("digest", model);
		mailer.send(new Mail(List.of(user.getEmail()), subject, rendered.text(), rendered.html()), reminder.id(),
				reminder.kind(), null, now);
		return true;
	}

}
