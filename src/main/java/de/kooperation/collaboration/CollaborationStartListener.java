package de.kooperation.collaboration;

import static de.kooperation.shared.CollaborationProcess.Typed.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import de.kooperation.form.FormRules;
import de.kooperation.shared.PartyGroups;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.shared.Zone;

/**
 * Guards every start of a collaboration, whether it comes from Tasklist, /engine-rest or our
 * own API: the Kommune must be known, the end of funding given (and before 2101), a transfer
 * manager (if named) a member of the agency team, and no other collaboration of that Kommune running. A refusal is a {@link BadUserRequestException} (HTTP 400 over REST) and
 * rolls the whole start back.
 */
@Component("collaborationStartListener")
class CollaborationStartListener implements ExecutionListener {

	private final MunicipalityRepository municipalities;

	private final RunningCollaborations running;

	private final IdentityService identityService;

	CollaborationStartListener(MunicipalityRepository municipalities, RunningCollaborations running,
			IdentityService identityService) {
		this.municipalities = municipalities;
		this.running = running;
		this.identityService = identityService;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String businessKey = execution.getProcessBusinessKey();
		String variable = MUNICIPALITY_ID.from(execution).orNull();
		String municipalityId = isBlank(businessKey) ? variable : businessKey;
		if (isBlank(municipalityId)) {
			throw new BadUserRequestException(
					"Bitte die Kommune angeben: ihre Kennung, z. B. „eisenach“ (die Seite „Kooperation starten“ listet alle registrierten Kommunen).");
		}
		if (variable != null && !isBlank(businessKey) && !businessKey.equals(variable)) {
			throw new BadUserRequestException("Zwei verschiedene Kommunen angegeben: '" + abbreviate(businessKey) + "' und '"
					+ abbreviate(variable) + "'. Bitte nur eine angeben.");
		}
		Municipality municipality = municipalities.findById(municipalityId)
			.orElseThrow(() -> new BadUserRequestException("Unbekannte Kommune: '" + abbreviate(municipalityId) + "'."));

		// a Camunda Form sends "2027-12-31"; REST clients may send a Date
		LocalDate fundingEndDay = FUNDING_END_GIVEN.from(execution).orNull();
		if (fundingEndDay == null) {
			throw new BadUserRequestException("Bitte das Förderende als Datum angeben (JJJJ-MM-TT).");
		}
		Date fundingEnd = Date.from(fundingEndDay.atTime(LocalTime.of(23, 59)).atZone(ZoneId.of(Zone.ID)).toInstant());
		if (!fundingEnd.after(ClockUtil.getCurrentTime())) {
			throw new BadUserRequestException("Das Förderende muss in der Zukunft liegen.");
		}
		if (!FormRules.plausible(fundingEndDay)) {
			throw new BadUserRequestException("Das Förderende " + fundingEndDay + " liegt außerhalb des sinnvollen Bereichs (bis 2100).");
		}
		String transferManager = TRANSFER_MANAGER.from(execution).orNull();
		if (!isBlank(transferManager) && !isTransferManager(transferManager)) {
			throw new BadUserRequestException("Unbekannte Transfermanagerin / unbekannter Transfermanager: '"
					+ abbreviate(transferManager) + "' (erwartet: Benutzerkennung aus der Gruppe "
					+ PartyGroups.AGENCY_TEAM + ").");
		}

		running.register(municipality, execution.getProcessInstanceId());

		if (isBlank(businessKey)) {
			execution.setProcessBusinessKey(municipality.id());
		}
		FUNDING_END.on(execution).set(fundingEnd);
		MUNICIPALITY_ID.on(execution).set(municipality.id());
		MUNICIPALITY_NAME.on(execution).set(municipality.name());
		FEDERAL_STATE.on(execution).set(municipality.federalState());
		MUNICIPALITY_GROUP.on(execution).set(PartyGroups.municipalityContacts(municipality.id()));
		MUNICIPALITY_LEADERSHIP_GROUP.on(execution).set(PartyGroups.municipalityLeadership(municipality.id()));
	}

	/** A member of the agency team; looked up without the caller's authorizations (who may not read users). */
	private boolean isTransferManager(String userId) {
		return Context.getCommandContext().runWithoutAuthorization(() -> identityService.createUserQuery()
			.userId(userId)
			.memberOfGroup(PartyGroups.AGENCY_TEAM)
			.count() > 0);
	}

	private static String abbreviate(String text) {
		return text.length() <= 64 ? text : text.substring(0, 63) + "…";
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
