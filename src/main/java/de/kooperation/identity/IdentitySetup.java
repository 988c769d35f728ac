package de.kooperation.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import org.camunda.bpm.engine.authorization.Authorization;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;

/**
 * What every installation needs, demo or not: the agency's two groups with their
 * authorizations and the Tasklist filters. Safe at every start.
 *
 * <p>Kommune groups get theirs from {@link MunicipalityRegistration}. Tasks need no grant here:
 * the engine gives each candidate group (and the assignee) READ and TASK_WORK on the task itself
 * ({@code default-user-permission-name-for-task}), so a Kommune sees, claims and completes
 * exactly the tasks offered to its groups, and nothing else: no process instance, no history.
 */
@Component
@Order(IdentitySetup.ORDER)
public class IdentitySetup implements ApplicationRunner {

	/** Runs before the demo data, which needs the groups. */
	public static final int ORDER = 0;

	static final String TASKLIST = "tasklist";

	static final String COCKPIT = "cockpit";

	private final GroupDirectory groups;

	private final Grants grants;

	private final TaskFilters filters;

	IdentitySetup(GroupDirectory groups, Grants grants, TaskFilters filters) {
		this.groups = groups;
		this.grants = grants;
		this.filters = filters;
	}

	@Override
	public void run(ApplicationArguments args) {
		groups.ensure(PartyGroups.AGENCY_TEAM, "Transferagentur – Transfermanager/innen");
		groups.ensure(PartyGroups.AGENCY_LEADERSHIP, "Transferagentur – Projektleitung");

		for (String agencyGroup : new String[] { PartyGroups.AGENCY_TEAM, PartyGroups.AGENCY_LEADERSHIP }) {
			grants.toGroup(agencyGroup, APPLICATION, TASKLIST, ACCESS);
			// see every process and its instances (start forms, diagrams, variables in the filters)
			grants.toGroup(agencyGroup, PROCESS_DEFINITION, Authorization.ANY, READ);
			grants.toGroup(agencyGroup, PROCESS_INSTANCE, Authorization.ANY, READ, CREATE);
			// start a collaboration in Tasklist (CREATE on instances plus CREATE_INSTANCE on the definition)
			grants.toGroup(agencyGroup, PROCESS_DEFINITION, CollaborationProcess.KEY, CREATE_INSTANCE);
		}
		// the Projektleitung owns the process: Cockpit and history of every process
		grants.toGroup(PartyGroups.AGENCY_LEADERSHIP, APPLICATION, COCKPIT, ACCESS);
		grants.toGroup(PartyGroups.AGENCY_LEADERSHIP, PROCESS_DEFINITION, Authorization.ANY, READ, READ_HISTORY);
		// candidates may only work on a task (TASK_WORK): the Projektleitung hands a task on when
		// its assignee is away
		grants.toGroup(PartyGroups.AGENCY_LEADERSHIP, TASK, Authorization.ANY, READ, TASK_ASSIGN);

		filters.ensure();
	}

}
