package de.kooperation.agreement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.Zone;

/** Reading the version in force and "today" the same way in every listener. */
final class AgreementVersions {

	static final ZoneId ZONE = ZoneId.of(Zone.ID);

	private AgreementVersions() {
	}

	/** The version number in force, or null before the first signing. */
	static Integer current(VariableScope scope) {
		return AgreementProcess.Typed.AGREEMENT_VERSION.from(scope).getOptional()
			.filter(version -> version >= AgreementProcess.FIRST_VERSION)
			.orElse(null);
	}

	/** Today in Germany, by the engine clock (which tests move). */
	static LocalDate today() {
		return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE).toLocalDate();
	}

}
