package de.kooperation.system;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The app's own pages sit behind the same login as Tasklist and Cockpit: whoever logged in to
 * the Camunda webapps is logged in here (same HTTP session), nobody else.
 */
@Component
public class WebappLogin {

	/** Where a user who is not logged in is sent. */
	public static final String LOGIN_PAGE = "/camunda/app/welcome/default/#!/login";

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
