package de.kooperation.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.ProcessTest;

/**
 * The engine asks before each authorization check which of the user's groups hold any
 * authorization; {@link AuthorizedGroupLookup} answers by asking about those groups only. The
 * answer must stay the engine's: the groups with an authorization, no others, whatever their number.
 */
@ProcessTest
class AuthorizedGroupLookupTests {

	@Autowired
	ProcessEngine engine;

	private final List<String> created = new ArrayList<>();

	@AfterEach
	void removeAuthorizations() {
		created.forEach(engine.getAuthorizationService()::deleteAuthorization);
	}

	@Test
	void ofAUsersGroupsOnlyThoseWithAnAuthorizationCount() {
		String kommune = "kommune-lookup-" + UUID.randomUUID().toString().substring(0, 8);
		String withoutAny = kommune + "-without";
		grantTaskReading(kommune);

		Object manager = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> context.getAuthorizationManager());
		assertThat(manager).isInstanceOf(AuthorizedGroupLookup.OwnGroupsAuthorizationManager.class);
		assertThat(authorizedAmong(List.of(withoutAny, kommune, kommune))).containsExactly(kommune);
		assertThat(authorizedAmong(List.of(withoutAny))).isEmpty();
		assertThat(authorizedAmong(List.of())).isEmpty();
	}

	@Test
	void aUserInHundredsOfGroupsIsCheckedAgainstAllOfThem() {
		String prefix = "many-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<String> groups = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			groups.add(prefix + i);
		}
		grantTaskReading(prefix + 3);
		grantTaskReading(prefix + 1150);

		assertThat(authorizedAmong(groups)).containsExactlyInAnyOrder(prefix + 3, prefix + 1150);
	}

	private void grantTaskReading(String group) {
		Authorization authorization = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(Resources.TASK);
		authorization.setResourceId("lookup-" + UUID.randomUUID());
		authorization.addPermission(Permissions.READ);
		created.add(engine.getAuthorizationService().saveAuthorization(authorization).getId());
	}

	private List<String> authorizedAmong(List<String> groups) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
	}

}
