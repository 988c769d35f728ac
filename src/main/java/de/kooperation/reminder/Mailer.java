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
 * Sends a composed mail over SMTP and logs it for the "Postausgang". A failure is thrown to the
 * calling job, which retries and finally raises an incident.
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
			if (mail.calendar() != null) {
				helper.addAttachment("einladung.ics", new ByteArrayResource(mail.calendar()),
						"text/calendar; charset=UTF-8; method=" + mail.calendarMethod());
			}
			sender.send(message);
		}
		catch (MessagingException e) {
			throw new IllegalStateException("Mail konnte nicht erstellt werden: " + e.getMessage(), e);
		}
		repository.logMail(reminderId, now, mail.to(), mail.subject(), kind, municipalityId);
	}

}
