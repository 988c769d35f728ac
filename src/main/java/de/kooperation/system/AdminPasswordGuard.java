package de.kooperation.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * In production the admin password must come from the environment and must not be weak: at
 * least {@value #MIN_LENGTH} characters and not one of the common passwords in
 * {@value #COMMON_PASSWORDS}. Checked before any bean is created, so a refused password stops the
 * start before the engine touches the database. ({@link AdminAccount} then gives the stored admin
 * this password.)
 */
@Component
@Profile("prod")
class AdminPasswordGuard implements BeanFactoryPostProcessor, EnvironmentAware {

	static final String VARIABLE = "KOOPERATION_ADMIN_PASSWORD";

	static final int MIN_LENGTH = 12;

	static final String COMMON_PASSWORDS = "system/common-passwords.txt";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String password = environment.getProperty(VARIABLE);
		if (password == null || password.isBlank()) {
			throw new MissingAdminPasswordException("Profil 'prod': kein Admin-Passwort. Bitte die Umgebungsvariable " + VARIABLE
					+ " setzen. / Profile 'prod': no admin password; set the environment variable " + VARIABLE + ".");
		}
		if (password.length() < MIN_LENGTH) {
			throw new MissingAdminPasswordException("Profil 'prod': das Admin-Passwort aus " + VARIABLE + " ist zu kurz (mindestens "
					+ MIN_LENGTH + " Zeichen). / Profile 'prod': the admin password in " + VARIABLE + " is too short (at least "
					+ MIN_LENGTH + " characters).");
		}
		if (commonPasswords().contains(password.toLowerCase(Locale.ROOT))) {
			throw new MissingAdminPasswordException("Profil 'prod': das Admin-Passwort aus " + VARIABLE
					+ " ist ein bekanntes, häufig benutztes Passwort. / Profile 'prod': the admin password in " + VARIABLE
					+ " is a well-known common password.");
		}
	}

	static Set<String> commonPasswords() {
		try (InputStream in = new ClassPathResource(COMMON_PASSWORDS).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toSet());
		}
		catch (IOException missing) {
			throw new IllegalStateException(COMMON_PASSWORDS + " fehlt / is missing", missing);
		}
	}

	/** Refusal to start; {@link MissingAdminPasswordFailureAnalyzer} explains it in the log. */
	static class MissingAdminPasswordException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		MissingAdminPasswordException(String message) {
			super(message);
		}

	}

}
