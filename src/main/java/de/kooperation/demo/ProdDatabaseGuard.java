package de.kooperation.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;


/**
 * Production refuses a database made by a default run: one that holds the demo users (whose
 * password "demo" is in the README). Deleting them silently could delete real work done under
 * those names, so the start is refused and the operator decides. (The admin's password of such a
 * database is mended by {@code system/AdminAccount}.) Runs once the engine is built, before the web
 * server takes requests.
 */
@Component
@Profile("prod")
public class ProdDatabaseGuard implements SmartInitializingSingleton {

	private final IdentityService identityService;

	ProdDatabaseGuard(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> found = identityService.createUserQuery().userIdIn(DemoUsers.ids().toArray(String[]::new)).list().stream()
			.map(User::getId)
			.toList();
		if (!found.isEmpty()) {
			throw new DemoUsersInProductionException(found);
		}
	}

	/** Refusal to start; {@link DemoUsersFailureAnalyzer} explains it in the log. */
	public static class DemoUsersInProductionException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		DemoUsersInProductionException(List<String> users) {
			super("Profil 'prod': die Datenbank enthält Demo-Benutzer (" + String.join(", ", users)
					+ ", Passwort 'demo'); Start abgebrochen. / Profile 'prod': the database holds demo users (" + String.join(", ", users)
					+ ", password 'demo'); start refused.");
		}

	}

}
