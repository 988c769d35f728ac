package de.kooperation.system;

import java.util.regex.Pattern;

/**
 * Every refusal a person can cause is answered in German. Our own checks write German; the engine
 * and the REST layer write English with codes and ids ("ENGINE-03051 …", "Cannot find task with
 * id …"). Those are replaced by a German sentence for their status; ids and class names are never
 * passed on.
 */
public final class GermanMessages {

	private static final Pattern GERMAN = Pattern.compile(
			"[äöüßÄÖÜ„“]|\\b(der|die|das|nicht|ist|sind|und|Sie|Bitte|bitte|kein|keine|gibt|wurde|werden|nur|oder|Kommune|Aufgabe|Unbekannte?)\\b");

	private static final Pattern TECHNICAL = Pattern.compile("ENGINE-\\d|Exception|Cannot |\\bnull\\b|\\bNo |does not|not found|java\\.|org\\.camunda|org\\.spring");

	private GermanMessages() {
	}

	/** The message if it is ours (German, not technical), else the German sentence for the status. */
	public static String of(int status, String message) {
		if (message != null && GERMAN.matcher(message).find() && !TECHNICAL.matcher(message).find()) {
			return message;
		}
		return forStatus(status);
	}

	public static String forStatus(int status) {
		return switch (status) {
			case 400 -> "Die Anfrage ist ungültig und wurde nicht ausgeführt; bitte prüfen Sie die gesendeten Werte.";
			case 401 -> "Bitte melden Sie sich an.";
			case 403 -> "Dafür fehlt Ihnen die Berechtigung.";
			case 404 -> "Das Gesuchte gibt es nicht, oder Sie haben keinen Zugriff darauf.";
			case 405 -> "Diese Methode ist hier nicht erlaubt.";
			case 406 -> "Die Antwort gibt es in diesem Format nicht.";
			case 409 -> "Die Daten wurden inzwischen geändert; bitte laden Sie neu und versuchen Sie es noch einmal.";
			case 413 -> "Die Anfrage ist zu groß.";
			case 415 -> "Dieses Format wird hier nicht angenommen; bitte als JSON senden.";
			case 429 -> "Zu viele Versuche; bitte warten Sie einen Moment.";
			default -> status >= 500 ? "Ein interner Fehler ist aufgetreten; es wurde nichts gespeichert. Bitte versuchen Sie es später noch einmal."
					: "Die Anfrage konnte nicht ausgeführt werden.";
		};
	}

}
