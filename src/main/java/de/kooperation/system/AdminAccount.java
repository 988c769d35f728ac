package de.kooperation.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The admin's way back in: when {@value AdminPasswordGuard#VARIABLE} is set, every start gives
 * the admin user that password (Camunda's starter sets it only when it creates the user) and
 * lifts any lock on the account. So a forgotten or changed admin password, or a database made by
 * a default run with {@code admin/admin}, is mended by a restart with the variable set.
 * Runs once the engine is built, before the web server takes requests.
 */
@Component
class AdminAccount implements SmartInitializingSingleton {

	private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

	private final IdentityService identityService;

	private final Environment environment;

	private final String adminId;

	AdminAccount(IdentityService identityService, Environment environment,
			@Value("${camunda.bpm.admin-user.id:admin}") String adminId) {
		this.identityService = identityService;
		this.environment = environment;
		this.adminId = adminId;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String password = environment.getProperty(AdminPasswordGuard.VARIABLE);
		if (password == null || password.isBlank()) {
			return;
		}
		if (identityService.createUserQuery().userId(adminId).count() == 0) {
			return;
		}
		identityService.unlockUser(adminId);
		if (!identityService.checkPassword(adminId, password)) {
			// read after the check: a wrong password counts as an attempt, which changes the user's revision
			User admin = identityService.createUserQuery().userId(adminId).singleResult();
			admin.setPassword(password);
			identityService.saveUser(admin);
			LOG.warn("Das gespeicherte Passwort des Admins '{}' wich von {} ab und wurde neu gesetzt. / "
					+ "The stored password of admin '{}' differed from {} and has been reset.", adminId,
					AdminPasswordGuard.VARIABLE, adminId, AdminPasswordGuard.VARIABLE);
		}
	}

}
