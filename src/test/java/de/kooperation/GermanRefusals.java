package de.kooperation;

import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a refusal over REST must look like to the person behind the client: a 4xx (never a 5xx) with a
 * German {@code message} in a JSON body, without an engine code, a class name or English.
 */
public final class GermanRefusals {

	private static final Pattern GERMAN = Pattern.compile("[äöüß„]|\\b(der|die|das|nicht|ist|sind|Sie|kein|keine|gibt|wurde|nur|Bitte|bitte|Kommune|Aufgabe|Unbekannte?)\\b");

	private static final Pattern TECHNICAL = Pattern.compile("ENGINE-|Exception|Cannot |does not|\\bNo |\\bnull\\b|java\\.|org\\.camunda|org\\.spring");

	private static final ObjectMapper JSON = new ObjectMapper();

	private GermanRefusals() {
	}

	/** Null when the answer is a success or a proper German refusal, else what is wrong with it. */
	public static String problem(ResponseEntity<String> response) {
		int status = response.getStatusCode().value();
		String body = response.getBody() == null ? "" : response.getBody();
		String shown = status + " " + body.substring(0, Math.min(300, body.length()));
		if (status >= 500) {
			return "server error: " + shown;
		}
		if (status < 400) {
			return null;
		}
		String message = message(body);
		if (message.isBlank()) {
			return "no JSON message: " + shown;
		}
		if (!GERMAN.matcher(message).find() || TECHNICAL.matcher(message).find()) {
			return "not a plain German message: " + shown;
		}
		return null;
	}

	public static String message(String body) {
		try {
			JsonNode json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
			return json.path("message").asText("");
		}
		catch (Exception e) {
			return "";
		}
	}

}
