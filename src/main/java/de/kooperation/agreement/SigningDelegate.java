package de.kooperation.agreement;

import static de.kooperation.shared.AgreementProcess.Typed.*;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.ProcessVariable;
import de.kooperation.shared.AgreementProcess;

/**
 * Both have signed: the version is in force from the later of the two signing dates (start of
 * that day, German time). The first cycle makes version 1; a revision makes version + 1 and
 * keeps the replaced version's number and signing date. The draft in the database is frozen as
 * that version: from now on it is read, never changed.
 */
class SigningDelegate implements JavaDelegate {

	private final AgreementCycle cycle;

	private final Agreements agreements;

	/** Variable with the summary of changes (revision), or null. */
	private final ProcessVariable<String> changeSummary;

	SigningDelegate(AgreementCycle cycle, Agreements agreements, ProcessVariable<String> changeSummary) {
		this.cycle = cycle;
		this.agreements = agreements;
		this.changeSummary = changeSummary;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate agency = signedOn(execution, cycle.agencySignedDate());
		LocalDate municipality = signedOn(execution, cycle.municipalitySignedDate());
		LocalDate inForce = agency.isAfter(municipality) ? agency : municipality;

		int version = AgreementProcess.FIRST_VERSION;
		if (cycle.revision()) {
			Integer previous = AgreementVersions.current(execution);
			if (previous == null) {
				throw new ProcessEngineException("Fortschreibung ohne gültige Fassung: '" + AGREEMENT_VERSION.name() + "' fehlt.");
			}
			AGREEMENT_PREVIOUS_VERSION.on(execution).set(previous);
			AGREEMENT_PREVIOUS_SIGNED_DATE.on(execution).set(AGREEMENT_SIGNED_DATE.from(execution).orNull());
			version = previous + 1;
		}
		AGREEMENT_VERSION.on(execution).set(version);
		AGREEMENT_SIGNED_DATE.on(execution).set(Date.from(inForce.atStartOfDay(AgreementVersions.ZONE).toInstant()));
		String summary = changeSummary == null ? null : changeSummary.from(execution).orNull();
		String municipalityId = CollaborationProcess.Typed.MUNICIPALITY_ID.from(execution).orNull();
		agreements.sign(municipalityId, version, inForce, summary);
		// milestones fulfilled by the signing ("Zielvereinbarung", "Fortschreibung") are reached now
		agreements.closeMilestonesFulfilledBy(municipalityId, MilestoneTasks.signingTasks(cycle.revision()), authenticatedUser());
	}

	/** Who completes the current command (the second signature here), if anyone is logged in. */
	static String authenticatedUser() {
		return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
	}

	private static LocalDate signedOn(DelegateExecution execution, ProcessVariable<LocalDate> variable) {
		LocalDate date = variable.from(execution).orNull();
		if (date == null) {
			// the signing forms require the date; only a broken client gets here
			throw new ProcessEngineException("Unterzeichnungsdatum fehlt: '" + variable.name() + "'.");
		}
		return date;
	}

}
