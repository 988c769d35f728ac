package de.kooperation.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Sends the cancellation of one meeting to everyone it invited (process
 * {@value ReminderProcess#CANCELLATION_KEY}, its own job: retried, then an incident, like a
 * reminder). Recorded in {@code koop_reminder} like every invitation: sent once.
 */
@Component("sendMeetingCancellationDelegate")
class SendMeetingCancellation implements JavaDelegate {

	private final ReminderRepository reminders;

	private final MeetingInvitations meetings;

	private final MeetingCalendar calendar;

	private final MailComposer composer;

	private final Mailer mailer;

	private final ReminderProperties properties;

	SendMeetingCancellation(ReminderRepository reminders, MeetingInvitations meetings, MeetingCalendar calendar,
			MailComposer composer, Mailer mailer, ReminderProperties properties) {
		this.reminders = reminders;
		this.meetings = meetings;
		this.calendar = calendar;
		this.composer = composer;
		this.mailer = mailer;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String id = ReminderProcess.REMINDER_ID.from(execution).orNull();
		ReminderRepository.Reminder reminder = reminders.find(id).orElse(null);
		if (reminder == null || !ReminderRepository.PENDING.equals(reminder.status()) && !ReminderRepository.SENDING.equals(reminder.status())) {
			return;
		}
		MeetingInvitations.StoredMeeting meeting = meetings.find(reminder.subjectId()).orElse(null);
		if (meeting == null || meeting.attendees().isEmpty() || meeting.attendees().get(0).isBlank()) {
			// deleted meanwhile (data protection): nobody to tell
			reminders.markObsolete(id);
			return;
		}
		Instant now = ClockUtil.getCurrentTime().toInstant();
		// claim, send, record (as every reminder): a second run of this job sends nothing
		if (!reminders.claim(id, now, now.minus(properties.getClaimTimeout()))) {
			String status = reminders.status(id);
			if (ReminderRepository.SENT.equals(status) || ReminderRepository.OBSOLETE.equals(status)) {
				return;
			}
			throw new IllegalStateException("Die Absage " + id + " wird gerade von einem anderen Lauf gesendet.");
		}
		try {
			String when = SendReminder.GERMAN_DATE.format(meeting.start()) + " um " + meeting.start().toLocalTime() + " Uhr";
			String subject = "Abgesagt: " + meeting.summary() + " am " + when;
			Map<String, Object> model = new HashMap<>();
			model.put("subject", subject);
			model.put("summary", meeting.summary());
			model.put("when", when);
			model.put("location", meeting.location() == null ? "–" : meeting.location());
			MailComposer.Rendered rendered = composer.render("cancellation", model);
			byte[] ics = calendar.cancellation(new MeetingCalendar.Meeting(meeting.uid(), meeting.sequence(), meeting.start(),
					Duration.ofMinutes(meeting.durationMinutes()), meeting.summary(), subject, meeting.location(), properties.getFrom(),
					meeting.attendees()));
			// the Mailer records the mail as sent, with the outbox row, right after it left
			mailer.send(new Mail(meeting.attendees(), subject, rendered.text(), rendered.html(), ics, "CANCEL"), id, reminder.kind(),
					reminder.municipalityId(), now);
		}
		catch (RuntimeException e) {
			reminders.release(id);
			throw e;
		}
	}

}
