package de.kooperation.reminder;

import static de.kooperation.shared.CollaborationProcess.Typed.MUNICIPALITY_NAME;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.shared.Zone;

/**
 * Sends one decided reminder. Runs as its own job (async before and after), so a failing SMTP
 * server fails only this job: it is retried and finally becomes an incident in Cockpit. Claim,
 * send, record: the reminder is claimed in a commit of its own before the mail is sent, so a second
 * run of the same job at the same time sends nothing; the Mailer records the mail right after it
 * left. A reminder already sent is not sent again; one whose task was completed or whose due date
 * changed is dropped, since the sweep decides anew for the new date.
 */
@Component("sendReminderDelegate")
class SendReminder implements JavaDelegate {

	static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final ZoneId ZONE = ZoneId.of(Zone.ID);

	private final ReminderRepository reminders;

	private final TaskService taskService;

	private final Recipients recipients;

	private final MailComposer composer;

	private final Mailer mailer;

	private final ReminderProperties properties;

	private final WorkingDays workingDays;

	private final MunicipalityRepository municipalities;

	private final WeeklyDigest digest;

	private final MeetingInvitations meetings;

	private final MeetingCalendar calendar;

	private final MilestoneReminders milestones;

	private final PlanReminders planActivities;

	SendReminder(ReminderRepository reminders, TaskService taskService, Recipients recipients, MailComposer composer,
			Mailer mailer, ReminderProperties properties, WorkingDays workingDays, MunicipalityRepository municipalities,
			WeeklyDigest digest, MeetingInvitations meetings, MeetingCalendar calendar, MilestoneReminders milestones,
			PlanReminders planActivities) {
		this.milestones = milestones;
		this.planActivities = planActivities;
		this.reminders = reminders;
		this.taskService = taskService;
		this.recipients = recipients;
		this.composer = composer;
		this.mailer = mailer;
		this.properties = properties;
		this.workingDays = workingDays;
		this.municipalities = municipalities;
		this.digest = digest;
		this.meetings = meetings;
		this.calendar = calendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String id = ReminderProcess.REMINDER_ID.from(execution).orNull();
		ReminderRepository.Reminder reminder = reminders.find(id).orElse(null);
		if (reminder == null || isDone(reminder.status())) {
			return;
		}
		Instant now = ClockUtil.getCurrentTime().toInstant();
		if (!reminders.claim(id, now, now.minus(properties.getClaimTimeout()))) {
			if (isDone(reminders.status(id))) {
				return;
			}
			// claimed by a run that is sending right now, or that died less than the claim timeout
			// ago: this job tries again later, when it is either sent or its claim has expired
			throw new IllegalStateException("Die Erinnerung " + id + " wird gerade von einem anderen Lauf gesendet.");
		}
		boolean sent;
		try {
			sent = switch (reminder.subjectType()) {
				case ReminderProcess.SUBJECT_DIGEST -> digest.send(reminder, now);
				case MeetingInvitations.SUBJECT_MEETING -> sendInvitation(reminder, now);
				case MilestoneReminders.SUBJECT_MILESTONE -> milestones.send(reminder, now);
				case PlanReminders.SUBJECT_PLAN_ACTIVITY -> planActivities.send(reminder, now);
				default -> sendTaskReminder(reminder, now);
			};
		}
		catch (RuntimeException e) {
			reminders.release(id);
			throw e;
		}
		// a sent mail was recorded by the Mailer right after it left
		if (!sent) {
			reminders.markObsolete(id);
		}
	}

	private static boolean isDone(String status) {
		return ReminderRepository.SENT.equals(status) || ReminderRepository.OBSOLETE.equals(status);
	}

	private boolean sendTaskReminder(ReminderRepository.Reminder reminder, Instant now) {
		Task task = taskService.createTaskQuery().taskId(reminder.subjectId()).singleResult();
		if (task == null || task.getDueDate() == null || !task.getDueDate().toInstant().equals(reminder.dueAt())) {
			return false;
		}
		ReminderKind kind = ReminderKind.of(reminder.kind());
		List<User> to = kind == ReminderKind.ESCALATION ? recipients.leadershipOf(task) : recipients.of(task, kind);
		if (to.isEmpty()) {
			return false;
		}
		String state = reminder.municipalityId() == null ? null
				: municipalities.findById(reminder.municipalityId()).map(m -> m.federalState()).orElse(null);
		LocalDate today = now.atZone(ZONE).toLocalDate();
		LocalDate dueDay = ReminderPlanner.dayOf(task.getDueDate());
		String municipalityName = MUNICIPALITY_NAME.fromTask(taskService, task.getId()).orElse("–");
		String due = GERMAN_DATE.format(dueDay);
		int overdue = today.isAfter(dueDay) ? workingDaysBetween(dueDay, today, state) : 0;

		String subject;
		String lead;
		switch (kind) {
			case BEFORE -> {
				long days = ChronoUnit.DAYS.between(today, dueDay);
				subject = "Erinnerung: „" + task.getName() + "“ (" + municipalityName + ") ist am " + due + " fällig";
				lead = "die folgende Aufgabe ist am " + due + " fällig, in " + days + (days == 1 ? " Tag." : " Tagen.");
			}
			case DUE -> {
				subject = "Heute fällig: „" + task.getName() + "“ (" + municipalityName + ")";
				lead = "die folgende Aufgabe ist heute fällig.";
			}
			case OVERDUE -> {
				subject = "Überfällig: „" + task.getName() + "“ (" + municipalityName + "), fällig war der " + due;
				lead = "die folgende Aufgabe ist seit dem " + due + " überfällig.";
			}
			case ESCALATION -> {
				subject = "Eskalation: „" + task.getName() + "“ (" + municipalityName + ") ist seit " + overdue + " Arbeitstagen überfällig";
				lead = "zu Ihrer Information als Leitung: die folgende Aufgabe ist seit dem " + due + " überfällig. "
						+ ReminderKind.sentBefore(reminders.sentKinds(reminder.subjectId(), reminder.dueAt()));
			}
			default -> throw new IllegalStateException("kein Erinnerungstyp: " + kind);
		}
		Map<String, Object> model = new HashMap<>();
		model.put("subject", subject);
		model.put("greeting", "Guten Tag,");
		model.put("lead", lead);
		model.put("taskName", task.getName());
		model.put("municipalityName", municipalityName);
		model.put("dueDate", due);
		model.put("createdDate", GERMAN_DATE.format(ReminderPlanner.dayOf(task.getCreateTime())));
		model.put("overdueDays", overdue);
		model.put("link", properties.taskLink(task.getId()));
		MailComposer.Rendered rendered = composer.render("reminder", model);
		mailer.send(new Mail(to.stream().map(User::getEmail).toList(), subject, rendered.text(), rendered.html()), reminder.id(),
				reminder.kind(), reminder.municipalityId(), now);
		return true;
	}

	private boolean sendInvitation(ReminderRepository.Reminder reminder, Instant now) {
		MeetingInvitations.StoredMeeting meeting = meetings.find(reminder.subjectId()).orElse(null);
		// an invitation overtaken by a newer update is not sent: the update says it all
		if (meeting == null || !reminder.kind().equals(MeetingInvitations.KIND_PREFIX + meeting.sequence())
				|| meeting.attendees().isEmpty() || meeting.attendees().get(0).isBlank()) {
			return false;
		}
		String when = GERMAN_DATE.format(meeting.start()) + " um " + meeting.start().toLocalTime() + " Uhr";
		boolean update = meeting.sequence() > 0;
		String subject = (update ? "Terminänderung: " : "Einladung: ") + meeting.summary() + " am " + when;
		Map<String, Object> model = new HashMap<>();
		model.put("subject", subject);
		model.put("update", update);
		model.put("summary", meeting.summary());
		model.put("when", when);
		model.put("location", meeting.location() == null ? "wird noch bekannt gegeben" : meeting.location());
		model.put("notWorkingDay", notWorkingDayWarning(meeting.start().toLocalDate(), reminder.municipalityId()));
		MailComposer.Rendered rendered = composer.render("invitation", model);
		byte[] ics = calendar.invitation(new MeetingCalendar.Meeting(meeting.uid(), meeting.sequence(), meeting.start(),
				Duration.ofMinutes(meeting.durationMinutes()), meeting.summary(), subject, meeting.location(),
				properties.getFrom(), meeting.attendees()));
		mailer.send(new Mail(meeting.attendees(), subject, rendered.text(), rendered.html(), ics, "REQUEST"), reminder.id(),
				reminder.kind(), reminder.municipalityId(), now);
		return true;
	}

	/**
	 * A meeting set on a weekend, public holiday or office closure day of the Kommune's state is
	 * taken as entered (it may be meant), but everyone invited is told; null on a working day.
	 */
	private String notWorkingDayWarning(LocalDate day, String municipalityId) {
		String state = municipalityId == null ? null
				: municipalities.findById(municipalityId).map(m -> m.federalState()).orElse(null);
		if (state == null || workingDays.isWorkingDay(day, state)) {
			return null;
		}
		return "Bitte beachten: Der " + GERMAN_DATE.format(day) + " ist in diesem Bundesland kein Arbeitstag "
				+ "(Wochenende, Feiertag oder Schließtag). Sollte der Termin versehentlich darauf gefallen sein, "
				+ "wenden Sie sich bitte an die einladende Stelle.";
	}

	private int workingDaysBetween(LocalDate from, LocalDate to, String state) {
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (workingDays.isWorkingDay(day, state)) {
				count++;
			}
		}
		return count;
	}

}
