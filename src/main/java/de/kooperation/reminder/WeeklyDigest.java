package de.kooperation.reminder;

import static de.kooperation.shared.CollaborationProcess.Typed.MUNICIPALITY_NAME;

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
 * with all their open work due in the next two weeks and all that is overdue, the ends of their
 * Kommune's plan activities and the milestones of the Zielvereinbarung in which their party has a
 * part (they get no single reminders of these).
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

	private final MilestoneReminders milestones;

	WeeklyDigest(IdentityService identityService, TaskService taskService, RuntimeService runtimeService, Recipients recipients,
			ReminderRepository reminders, ReminderProperties properties, MailComposer composer, Mailer mailer,
			PlanReminders planActivities, MilestoneReminders milestones) {
		this.planActivities = planActivities;
		this.milestones = milestones;
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
		// the milestones due are the same for everyone: read once per run, filtered per user
		List<MilestoneReminders.DigestMilestone> dueMilestones = null;
		for (User user : identityService.createUserQuery().list()) {
			if (!recipients.prefersDigest(user.getId())
					|| reminders.exists(ReminderProcess.SUBJECT_DIGEST, user.getId(), ReminderKind.DIGEST.name(), week)) {
				continue;
			}
			boolean anything = !openWork(user.getId(), now).isEmpty()
					|| !planActivities.digestLines(user.getId(), now, properties.getDigestDays()).isEmpty();
			if (!anything) {
				if (dueMilestones == null) {
					dueMilestones = milestones.dueForDigest(now, properties.getDigestDays());
				}
				anything = !MilestoneReminders.digestLines(recipients.groupsOf(user.getId()), dueMilestones).isEmpty();
			}
			if (anything) {
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
		List<MilestoneReminders.DigestLine> dueMilestones = MilestoneReminders.digestLines(recipients.groupsOf(user.getId()),
				milestones.dueForDigest(now, properties.getDigestDays()));
		if (work.isEmpty() && activities.isEmpty() && dueMilestones.isEmpty()) {
			return false;
		}
		LocalDate today = now.atZone(ZONE).toLocalDate();
		List<Line> lines = new ArrayList<>();
		for (Task task : work) {
			LocalDate due = ReminderPlanner.dayOf(task.getDueDate());
			lines.add(new Line(due, task.getName(), MUNICIPALITY_NAME.fromTask(taskService, task.getId()).orElse("–"), null,
					properties.taskLink(task.getId()), false));
		}
		// the ends of the activities of the Kommune's own Zeitplan, where it has them reminded of
		for (PlanReminders.DigestLine line : activities) {
			lines.add(new Line(line.end(), "Ende der Maßnahme „" + TimelineChart.shortened(line.activity().title(), 80) + "“ (Zeitplan)",
					line.municipalityName(), null, planActivities.link(line.municipalityId()), false));
		}
		// the milestones of the Zielvereinbarung in which the user's party has a part (instead of the single reminders)
		for (MilestoneReminders.DigestLine line : dueMilestones) {
			MilestoneReminders.DigestMilestone due = line.milestone();
			lines.add(new Line(due.due(), "Meilenstein „" + due.milestone().title() + "“ (Zielvereinbarung)", due.municipalityName(),
					MilestoneReminders.parts(line), milestones.link(due.municipalityId()), true));
		}
		lines.sort(Comparator.comparing(Line::due));
		List<Map<String, Object>> overdue = new ArrayList<>();
		List<Map<String, Object>> upcoming = new ArrayList<>();
		for (Line line : lines) {
			boolean late = line.due().isBefore(today);
			(late ? overdue : upcoming).add(line.row(late));
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

	/**
	 * One line of the digest: a task, the end of a plan activity or a milestone; the phrase of its
	 * day says "überfällig seit" for a milestone past its deadline (a milestone is not a task that
	 * was due, it stays open until closed).
	 */
	private record Line(LocalDate due, String name, String municipalityName, String part, String link, boolean milestone) {

		Map<String, Object> row(boolean late) {
			String day = SendReminder.GERMAN_DATE.format(due);
			Map<String, Object> row = new HashMap<>();
			row.put("taskName", name);
			row.put("municipalityName", municipalityName);
			row.put("dueDate", day);
			row.put("when", !late ? "fällig am " + day : milestone ? "überfällig seit dem " + day : "fällig war der " + day);
			row.put("part", part);
			row.put("link", link);
			return row;
		}

	}

}
