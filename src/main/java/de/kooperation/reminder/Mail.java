package de.kooperation.reminder;

import java.util.List;

/** A composed mail: German subject, plain text and HTML part, optional calendar attachment. */
public record Mail(List<String> to, String subject, String text, String html, byte[] calendar, String calendarMethod) {

	public Mail(List<String> to, String subject, String text, String html) {
		this(to, subject, text, html, null, null);
	}

}
