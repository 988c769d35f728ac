package de.kooperation.collaboration;

import static de.kooperation.shared.CollaborationProcess.Vars.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;

/** Starting and ending collaborations; shared by our REST API and the demo data. */
@Service
public class CollaborationService {

	/** Who ended a collaboration. */
	public enum Party {
		TRANSFERAGENTUR("Transferagentur"), KOMMUNE("Kommune");

		private final String label;

		Party(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	CollaborationService(RuntimeService runtimeService, IdentityService identityService) {
		this.runtimeService = runtimeService;
		this.identityService = identityService;
	}

	/**
	 * Starts the collaboration of a Kommune. The start listener refuses unknown Kommunen, a
	 * missing or past end of funding, and a second running collaboration.
	 */
	public ProcessInstance start(String municipalityId, Object fundingEnd, String transferManager) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(MUNICIPALITY_ID, municipalityId);
		variables.put(FUNDING_END, fundingEnd);
		if (transferManager != null && !transferManager.isBlank()) {
			variables.put(TRANSFER_MANAGER, transferManager);
		}
		return runtimeService.startProcessInstanceByKey(CollaborationProcess.KEY, municipalityId, variables);
	}

	/**
	 * Either party may end the collaboration at any time. Allowed for the agency's staff and for
	 * the Kommune's own groups; the caller's membership is checked here because Kommune users
	 * hold no engine permission on the process instance itself.
	 */
	public void terminate(String municipalityId, Party party, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new BadUserRequestException("Bitte einen Grund für die Kündigung angeben.");
		}
		Authentication caller = identityService.getCurrentAuthentication();
		if (caller != null && !mayTerminate(caller, municipalityId, party)) {
			throw new AuthorizationException(
					"Sie dürfen die Kooperation von '" + municipalityId + "' nicht im Namen der Partei " + party.label() + " kündigen.");
		}
		// the membership check above is the authorization; Kommune users hold no engine permission
		// on the instance, so the lookup and correlation run without a user
		identityService.clearAuthentication();
		try {
			ProcessInstance instance = runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(CollaborationProcess.KEY)
				.processInstanceBusinessKey(municipalityId)
				.active()
				.singleResult();
			if (instance == null) {
				throw new BadUserRequestException("Für '" + municipalityId + "' läuft keine Kooperation.");
			}
			// once declared, the termination's event sub-process has taken the collaboration over and
			// its message is no longer awaited: a second declaration is the user's mistake, not a fault
			if (runtimeService.createEventSubscriptionQuery()
				.processInstanceId(instance.getId())
				.eventType("message")
				.eventName(CollaborationProcess.MESSAGE_TERMINATION)
				.count() == 0) {
				throw alreadyTerminated(municipalityId);
			}
			try {
				runtimeService.createMessageCorrelation(CollaborationProcess.MESSAGE_TERMINATION)
					.processInstanceId(instance.getId())
					.setVariables(Map.of(TERMINATED_BY, party.label(), TERMINATION_REASON, reason))
					.correlateWithResult();
			}
			catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
				// another declaration came first, between the check above and this one
				throw alreadyTerminated(municipalityId);
			}
		}
		finally {
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
		}
	}

	private static BadUserRequestException alreadyTerminated(String municipalityId) {
		return new BadUserRequestException("Die Kooperation mit '" + municipalityId
				+ "' ist bereits gekündigt; die Beendigung wird gerade dokumentiert.");
	}

	private static boolean mayTerminate(Authentication caller, String municipalityId, Party party) {
		var groups = caller.getGroupIds() == null ? List.<String>of() : caller.getGroupIds();
		return switch (party) {
			case TRANSFERAGENTUR -> groups.contains(PartyGroups.AGENCY_TEAM) || groups.contains(PartyGroups.AGENCY_LEADERSHIP);
			case KOMMUNE -> groups.contains(PartyGroups.municipalityContacts(municipalityId))
					|| groups.contains(PartyGroups.municipalityLeadership(municipalityId));
		};
	}

}
