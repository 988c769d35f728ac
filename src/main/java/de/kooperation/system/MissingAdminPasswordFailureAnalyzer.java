package de.kooperation.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import de.kooperation.system.AdminPasswordGuard.MissingAdminPasswordException;

/** Turns the refused production start into Spring Boot's short "APPLICATION FAILED TO START" report. */
class MissingAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdminPasswordException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminPasswordException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Ein starkes Passwort setzen (mindestens " + AdminPasswordGuard.MIN_LENGTH + " Zeichen, kein häufiges) und neu starten, "
						+ "z. B.: KOOPERATION_ADMIN_PASSWORD='…' java -jar kooperation.jar --spring.profiles.active=prod (optional "
						+ "KOOPERATION_ADMIN_USER, KOOPERATION_DATA_DIR oder KOOPERATION_DB_URL, KOOPERATION_DB_USER, "
						+ "KOOPERATION_DB_PASSWORD). / Set a strong password (at least " + AdminPasswordGuard.MIN_LENGTH
						+ " characters, not a common one) and start again.",
				cause);
	}

}
