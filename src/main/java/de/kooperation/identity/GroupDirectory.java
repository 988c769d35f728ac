package de.kooperation.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Creates the engine groups of both parties, or renames them when the name changed. */
@Component
class GroupDirectory {

	private final IdentityService identityService;

	GroupDirectory(IdentityService identityService) {
		this.identityService = identityService;
	}

	void ensure(String groupId, String name) {
		Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
		if (group == null) {
			group = identityService.newGroup(groupId);
		}
		else if (name.equals(group.getName())) {
			return;
		}
		group.setName(name);
		group.setType(Groups.GROUP_TYPE_WORKFLOW);
		identityService.saveGroup(group);
	}

}
