package de.kooperation.system;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The app's own pages sit behind the same login as Tasklist and Cockpit: whoever logged in to
 * the Camunda webapps is logged in here (same HTTP session), nobody else.
 */
@Component
public class WebappLogin {

	/** Where a user who is not logged in is sent. */
	public static final String LOGIN_PAGE = "/camunda/app/welcome/default/#!/login";

	/** The page for whoever is not logged in. */
	public static final String LOGIN_REQUIRED = "login-required";

	/** The one "Kein Zugriff" page, with a reason. */
	public static final String REFUSED = "kein-zugriff";

	/** Model attribute: the refusal page {@link #page} chose. */
	private static final String VIEW = "view";

	public record User(String id, List<String> groupIds) {

		public boolean inAnyGroup(String... groups) {
			for (String group : groups) {
				if (groupIds.contains(group)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * The one check of the app's own pages: the logged-in user if {@code allowed} accepts them. Else
	 * empty, and the refusal is prepared: 401 and the login page for whoever is not logged in, 403
	 * and the reason for whoever may not; {@link #refusal(Model)} names the page to show.
	 */
	public Optional<User> page(HttpServletRequest request, HttpServletResponse response, Model model,
			Predicate<User> allowed, String reason) {
		Optional<User> user = current(request);
		if (user.isEmpty()) {
			model.addAttribute(VIEW, loginRequired(response, model));
			return Optional.empty();
		}
		if (!allowed.test(user.get())) {
			prepareRefusal(response, model, HttpStatus.FORBIDDEN, reason);
			return Optional.empty();
		}
		return user;
	}

	/**
	 * Prepares "Kein Zugriff" as {@link #page} does, for a page's own check after it (a Kommune that
	 * does not exist, a page only to read); {@link #refusal(Model)} names the page to show.
	 */
	public static void prepareRefusal(HttpServletResponse response, Model model, HttpStatus status, String reason) {
		model.addAttribute(VIEW, refused(response, model, status, reason));
	}

	/** The page a refusal of {@link #page} chose: login-required or kein-zugriff. */
	public static String refusal(Model model) {
		return (String) model.getAttribute(VIEW);
	}

	/** "Anmeldung erforderlich" (401), with the link to the login. */
	public static String loginRequired(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		model.addAttribute("loginPage", LOGIN_PAGE);
		return LOGIN_REQUIRED;
	}

	/** "Kein Zugriff" with the status and the reason in plain German. */
	public static String refused(HttpServletResponse response, Model model, HttpStatus status, String reason) {
		response.setStatus(status.value());
		model.addAttribute("reason", reason);
		return REFUSED;
	}

	public Optional<User> current(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		Authentication authentication = authentications == null ? null
				: authentications.getAuthenticationForProcessEngine("default");
		if (authentication instanceof UserAuthentication user) {
			return Optional.of(new User(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds()));
		}
		return Optional.empty();
	}

}
