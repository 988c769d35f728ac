package de.kooperation.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Idempotent GRANT authorizations: one authorization per owner, resource type and resource id,
 * missing permissions are added, nothing is ever granted twice. Runs without an authenticated
 * user (at startup), so the engine does not check who grants.
 */
@Component
class Grants {

	private final AuthorizationService authorizations;

	Grants(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	/** Grants the permissions on one resource (or "*" for all of its kind) to a group. */
	void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		Authorization authorization = existing;
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		save(authorization, existing == null, permissions);
	}

	/** Grants the permissions on one resource to one user. */
	void toUser(String userId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.userIdIn(userId)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		Authorization authorization = existing;
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setUserId(userId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		save(authorization, existing == null, permissions);
	}

	/** Grants the permissions on one resource to every user (a global authorization). */
	void toEveryone(Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		Authorization authorization = existing;
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			authorization.setUserId(Authorization.ANY);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		save(authorization, existing == null, permissions);
	}

	private void save(Authorization authorization, boolean isNew, Permission... permissions) {
		boolean changed = isNew;
		for (Permission permission : permissions) {
			if (isNew || !authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizations.saveAuthorization(authorization);
		}
	}

}
