package de.kooperation.overview;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import de.kooperation.shared.PartyGroups;
import de.kooperation.system.WebappLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Who may see which page: the agency (team, Projektleitung) and the administrators see every
 * Kommune, a Kommune's own users (contacts, Verwaltungsspitze) only their own. Logged in is who
 * is logged in to the Camunda webapps. Forms that change data carry a token of the session
 * (the webapps' CSRF protection covers only their own paths).
 */
@Component
class PageAccess {

	static final String CSRF_ATTRIBUTE = "kooperation.csrf";

	static final String CSRF_PARAMETER = "_csrf";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebappLogin login;

	PageAccess(WebappLogin login) {
		this.login = login;
	}

	/** The user if of the agency; else empty, with the refusal page chosen ({@link #refusal(Model)}). */
	Optional<WebappLogin.User> agency(HttpServletRequest request, HttpServletResponse response, Model model) {
		return allowed(request, response, model, null);
	}

	/** The user if of the agency or of this Kommune; else empty, with the refusal page chosen. */
	Optional<WebappLogin.User> municipality(HttpServletRequest request, HttpServletResponse response, Model model,
			String municipalityId) {
		return allowed(request, response, model, municipalityId);
	}

	/** The user if logged in at all, for pages of one's own (Benachrichtigungen); else empty, with the login page chosen. */
	Optional<WebappLogin.User> anyone(HttpServletRequest request, HttpServletResponse response, Model model) {
		return login.page(request, response, model, user -> true, null);
	}

	static boolean isAgency(WebappLogin.User user) {
		return PartyGroups.seeEveryMunicipality(user.groupIds());
	}

	/** The session's token for forms that change data; created on first use. */
	static String csrfToken(HttpServletRequest request) {
		HttpSession session = request.getSession(true);
		Object token = session.getAttribute(CSRF_ATTRIBUTE);
		if (token == null) {
			byte[] bytes = new byte[24];
			RANDOM.nextBytes(bytes);
			token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			session.setAttribute(CSRF_ATTRIBUTE, token);
		}
		return token.toString();
	}

	static boolean validCsrf(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object expected = session == null ? null : session.getAttribute(CSRF_ATTRIBUTE);
		return expected != null && expected.equals(request.getParameter(CSRF_PARAMETER));
	}

	/** The view chosen by a refusal. */
	/**
	 * The refusal of a download a page links to (CSV), chosen by {@link #agency}: a German sentence as
	 * plain text, the way to log in for whoever is not, {@code forbidden} for everyone else.
	 */
	static ResponseEntity<byte[]> refusedAsText(HttpServletResponse response, String forbidden) {
		String message = response.getStatus() == HttpStatus.UNAUTHORIZED.value()
				? "Bitte melden Sie sich zuerst an: " + WebappLogin.LOGIN_PAGE
				: forbidden;
		return ResponseEntity.status(response.getStatus())
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(message.getBytes(StandardCharsets.UTF_8));
	}

	static String refusal(Model model) {
		return WebappLogin.refusal(model);
	}

	private Optional<WebappLogin.User> allowed(HttpServletRequest request, HttpServletResponse response, Model model,
			String municipalityId) {
		return login.page(request, response, model,
				user -> isAgency(user) || municipalityId != null && user.inAnyGroup(PartyGroups.municipalityContacts(municipalityId),
						PartyGroups.municipalityLeadership(municipalityId)),
				municipalityId == null ? "Diese Seite ist der Transferagentur vorbehalten."
						: "Sie können nur die Kooperation Ihrer eigenen Kommune sehen.");
	}

}
