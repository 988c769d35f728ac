package de.kooperation.overview;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import de.kooperation.shared.PartyGroups;

/**
 * The agency's people by their names: pages show "Lena Vogt", not the login "lena.vogt". One
 * query for the whole team per page, however many Kommunen the page lists, or one for one person.
 */
@Component
class StaffNames {

	private final IdentityService identityService;

	StaffNames(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** User id to "First Last" for everybody in the agency team, ordered by last name. */
	Map<String, String> agencyTeam() {
		Map<String, String> names = new LinkedHashMap<>();
		identityService.createUserQuery().memberOfGroup(PartyGroups.AGENCY_TEAM).orderByUserLastName().asc().list()
			.forEach(user -> names.put(user.getId(), name(user)));
		return names;
	}

	/** "First Last" of one user (one query), or the id for a user without a name or who no longer exists. */
	String nameOf(String userId) {
		User user = identityService.createUserQuery().userId(userId).singleResult();
		return user == null ? userId : name(user);
	}

	/** "First Last", or the id for a user without a name. */
	static String name(User user) {
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).trim();
		return name.isEmpty() ? user.getId() : name;
	}

}
