package de.kooperation.system;

import java.util.Map;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.Authorization;
import org.camunda.bpm.webapp.impl.security.filter.RequestAuthorizer;

/**
 * For the plugin APIs of the webapps ({@code /camunda/api/cockpit/plugin/{plugin}/{engine}/...},
 * likewise admin and tasklist): the caller must be logged in to the engine <em>and</em> have access
 * to that app. Camunda asks only for the login there, so a Kommune user without Cockpit could
 * query Cockpit's statistics. Named in {@code kooperation-security-filter-rules.json}; Camunda
 * creates it by its class name (public, no-argument constructor).
 */
public class WebappPluginAuthorizer implements RequestAuthorizer {

	@Override
	public Authorization authorize(Map<String, String> parameters) {
		Authentications authentications = Authentications.getCurrent();
		Authentication engineAuth = authentications == null ? null
				: authentications.getAuthenticationForProcessEngine(parameters.get("engine"));
		if (engineAuth == null) {
			return Authorization.denied(Authentication.ANONYMOUS);
		}
		String app = parameters.get("app");
		if (engineAuth instanceof UserAuthentication user && user.isAuthorizedForApp(app)) {
			return Authorization.granted(user).forApplication(app);
		}
		return Authorization.denied(engineAuth).forApplication(app);
	}

}
