package de.kooperation.system;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production the admin password must come from the environment. Checked before any bean is
 * created, so a missing password stops the start before the engine could create an admin
 * user without one (the engine creates that user once and never changes it afterwards).
 */
@Component
@Profile("prod")
class AdminPasswordGuard implements BeanFactoryPostProcessor, EnvironmentAware {

	static final String VARIABLE = "KOOPERATION_ADMIN_PASSWORD";

	/** The development default; never acceptable in production. */
	private static final String DEVELOPMENT_PASSWORD = "admin";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String password = environment.getProperty(VARIABLE);
		if (password == null || password.isBlank() || DEVELOPMENT_PASSWORD.equals(password)) {
			throw new MissingAdminPasswordException();
		}
	}

	/** Refusal to start; {@link MissingAdminPasswordFailureAnalyzer} explains it in the log. */
	static class MissingAdminPasswordException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		MissingAdminPasswordException() {
			super("Profil 'prod': kein Admin-Passwort. Bitte die Umgebungsvariable " + VARIABLE
					+ " setzen (nicht leer und nicht '" + DEVELOPMENT_PASSWORD + "').");
		}

	}

}
