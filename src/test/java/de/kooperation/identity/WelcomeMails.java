package de.kooperation.identity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** What a new user finds in the welcome mail: the link to the page where she chooses her password. */
public final class WelcomeMails {

	private static final Pattern PASSWORD_LINK = Pattern.compile("https?://[^/\\s]+(/passwort/[A-Za-z0-9_-]+)");

	private WelcomeMails() {
	}

	/** The path of the password page from the first of the mails sent to the recipient. */
	public static String passwordPath(List<MimeMessage> mails, String recipient) throws Exception {
		for (MimeMessage message : mails) {
			if (message.getAllRecipients()[0].toString().equals(recipient)) {
				Matcher link = PASSWORD_LINK.matcher(text(message.getContent()));
				if (!link.find()) {
					throw new AssertionError("no password link in the mail to " + recipient);
				}
				return link.group(1);
			}
		}
		throw new AssertionError("no welcome mail to " + recipient);
	}

	private static String text(Object content) throws Exception {
		if (content instanceof String text) {
			return text;
		}
		MimeMultipart multipart = (MimeMultipart) content;
		StringBuilder all = new StringBuilder();
		for (int i = 0; i < multipart.getCount(); i++) {
			all.append(text(multipart.getBodyPart(i).getContent()));
		}
		return all.toString();
	}

}
