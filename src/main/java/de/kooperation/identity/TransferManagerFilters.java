package de.kooperation.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import de.kooperation.shared.PartyGroups;

/**
 * Gives every member of the agency team the filter "Meine Kommunen" ({@link TaskFilters}). Runs
 * after the demo data, which creates the demo team; a transfer manager added later in Admin gets
 * the filter at the next start.
 */
@Component
@Order(IdentitySetup.ORDER + 20)
class TransferManagerFilters implements ApplicationRunner {

	private final IdentityService identityService;

	private final TaskFilters filters;

	TransferManagerFilters(IdentityService identityService, TaskFilters filters) {
		this.identityService = identityService;
		this.filters = filters;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (User member : identityService.createUserQuery().memberOfGroup(PartyGroups.AGENCY_TEAM).list()) {
			filters.ensureForTransferManager(member.getId());
		}
	}

}
