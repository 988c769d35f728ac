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
 * Sends a composed mail over SMTP, then records it (reminder sent, row in the "Postausgang") in a
 * transaction of its own. A failure is thrown to the calling job, which retries and finally raises
 * an incident. Every SMTP connection has connect, read and write timeouts
 * ({@code spring.mail.properties}), so a server that accepts and never answers fails the job.
 */
@Component
class Mailer {

	private final JavaMailSender sender;

	private final ReminderProperties properties;

	private final ReminderRepository repository;

	Mailer(JavaMailSender sender, ReminderProperties properties, ReminderRepository repository) {
		this.sender = sender;
		this.properties = properties;
		this.repository = repository;
	}

	void send(Mail mail, String reminderId, String kind, String municipalityId, Instant now) {
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(properties.getFrom());
			helper.setTo(mail.to().toArray(String[]::new));
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			// the same for every attempt at this reminder: a copy sent twice (after a crash between
			// sending and recording) is recognisable as the same mail; JavaMailSenderImpl keeps it
			message.setHeader("Message-ID", messageId(reminderId));
			if (mail.calendar() != null) {
				helper.addAttachment("einladung.ics", new ByteArrayResource(mail.calendar()),
						"text/calendar; charset=UTF-8; method=" + mail.calendarMethod());
			}
			sender.send(message);
		}
		catch (MessagingException e) {
			throw new IllegalStateException("Mail konnte nicht erstellt werden: " + e.getMessage(), e);
		}
		repository.recordSent(reminderId, now, mail.to(), mail.subject(), kind, municipalityId);
	}

	/** {@code <reminder-ID@kooperation.DOMAIN>}, the domain that of the sender address. */
	String messageId(String reminderId) {
		String from = properties.getFrom();
		String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
		return "<reminder-" + reminderId + "@kooperation." + (domain.isEmpty() ? "invalid" : domain) + ">";
	}

}
