package de.kooperation.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a composed mail over SMTP, then records it (reminder sent, row in the "Postausgang" with its
 * text and calendar invitation) in a transaction of its own. A failure is thrown to the caller (a job
 * retries and finally raises an incident; a page rolls back what it did). Every SMTP connection has
 * connect, read and write timeouts ({@code spring.mail.properties}), so a server that accepts and
 * never answers fails the job.
 */
@Component
public class Mailer {

	/** Kind of the welcome mail of a newly registered user (the outbox labels it). */
	public static final String KIND_WELCOME = "WELCOME";

	private final JavaMailSender sender;

	private final ReminderProperties properties;

	private final ReminderRepository repository;

	Mailer(JavaMailSender sender, ReminderProperties properties, ReminderRepository repository) {
		this.sender = sender;
		this.properties = properties;
		this.repository = repository;
	}

	void send(Mail mail, String reminderId, String kind, String municipalityId, Instant now) {
		send(mail, reminderId, kind, municipalityId, now, mail.text());
	}

	/**
	 * Sends a mail that is not a reminder (e.g. the welcome mail of a new user); the outbox shows
	 * {@code textForOutbox}, so a one-time link in the mail itself is not readable there.
	 */
	public void send(Mail mail, String kind, String municipalityId, Instant now, String textForOutbox) {
		send(mail, null, kind, municipalityId, now, textForOutbox);
	}

	private void send(Mail mail, String reminderId, String kind, String municipalityId, Instant now, String textForOutbox) {
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(properties.getFrom());
			helper.setTo(mail.to().toArray(String[]::new));
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			// the same for every attempt at this reminder: a copy sent twice (after a crash between
			// sending and recording) is recognisable as the same mail; JavaMailSenderImpl keeps it
			if (reminderId != null) {
				message.setHeader("Message-ID", messageId(reminderId));
			}
			if (mail.calendar() != null) {
				asCalendarMessage(message, mail);
			}
			sender.send(message);
		}
		catch (MessagingException e) {
			throw new IllegalStateException("Mail konnte nicht erstellt werden: " + e.getMessage(), e);
		}
		repository.recordSent(reminderId, now, mail.to(), mail.subject(), kind, municipalityId, textForOutbox,
				mail.calendar() == null ? null : new String(mail.calendar(), StandardCharsets.UTF_8), mail.calendarMethod());
	}

	/**
	 * An invitation as calendars expect it (iMIP, RFC 6047): the iCalendar object as a third
	 * alternative beside text and HTML, {@code text/calendar; method=REQUEST|CANCEL}, which Outlook and
	 * Thunderbird show as a meeting request; and once more as the attachment einladung.ics for mail
	 * programs that show no calendar part (the same UID, so importing both changes nothing).
	 */
	private static void asCalendarMessage(MimeMessage message, Mail mail) throws MessagingException {
		String type = "text/calendar; charset=UTF-8; method=" + mail.calendarMethod();
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), StandardCharsets.UTF_8.name());
		alternative.addBodyPart(text);
		MimeBodyPart html = new MimeBodyPart();
		html.setContent(mail.html(), "text/html; charset=UTF-8");
		alternative.addBodyPart(html);
		MimeBodyPart calendar = new MimeBodyPart();
		calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.calendar(), type)));
		calendar.setHeader("Content-Type", type);
		alternative.addBodyPart(calendar);

		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);
		MimeBodyPart attachment = new MimeBodyPart();
		attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.calendar(), type)));
		attachment.setFileName("einladung.ics");
		attachment.setDisposition(Part.ATTACHMENT);
		MimeMultipart mixed = new MimeMultipart("mixed");
		mixed.addBodyPart(body);
		mixed.addBodyPart(attachment);
		message.setContent(mixed);
	}

	/** {@code <reminder-ID@kooperation.DOMAIN>}, the domain that of the sender address. */
	String messageId(String reminderId) {
		String from = properties.getFrom();
		String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
		return "<reminder-" + reminderId + "@kooperation." + (domain.isEmpty() ? "invalid" : domain) + ">";
	}

}
