package de.kooperation.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
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
				helper.addAttachment("einladung.ics", new ByteArrayResource(mail.calendar()),
						"text/calendar; charset=UTF-8; method=" + mail.calendarMethod());
			}
			sender.send(message);
		}
		catch (MessagingException e) {
			throw new IllegalStateException("Mail konnte nicht erstellt werden: " + e.getMessage(), e);
		}
		repository.recordSent(reminderId, now, mail.to(), mail.subject(), kind, municipalityId, textForOutbox,
				mail.calendar() == null ? null : new String(mail.calendar(), StandardCharsets.UTF_8), mail.calendarMethod());
	}

	/** {@code <reminder-ID@kooperation.DOMAIN>}, the domain that of the sender address. */
	String messageId(String reminderId) {
		String from = properties.getFrom();
		String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
		return "<reminder-" + reminderId + "@kooperation." + (domain.isEmpty() ? "invalid" : domain) + ">";
	}

}
