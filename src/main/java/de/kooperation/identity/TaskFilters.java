package de.kooperation.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess;

/**
 * The Tasklist filters, sorted by due date. Tasklist opens on the filter with the lowest priority:
 * {@link #OPEN_WORK}, everything that waits for the user (assigned to them or offered to their
 * groups), so nobody lands on an empty list while their work sits elsewhere. The shared filters use
 * the engine's expressions for the logged-in user, so one filter serves everybody; readable by
 * every user. Each transfer manager also gets {@link #MY_MUNICIPALITIES}, their own filter narrowed
 * to the Kommunen they look after (the process variable {@code transferManager}, which filter
 * queries cannot compare with an expression). Created or brought up to date at every start.
 */
@Component
public class TaskFilters {

	public static final String OPEN_WORK = "Meine offenen Aufgaben";

	public static final String MY_MUNICIPALITIES = "Meine Kommunen";

	public static final String MY_TASKS = "Meine Aufgaben";

	public static final String GROUP_TASKS = "Aufgaben meiner Gruppe";

	private final FilterService filterService;

	private final TaskService taskService;

	private final Grants grants;

	TaskFilters(FilterService filterService, TaskService taskService, Grants grants) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.grants = grants;
	}

	void ensure() {
		ensure(OPEN_WORK, -20, "Alles, was auf mich wartet: mir zugewiesen oder meinen Gruppen angeboten",
				openWork().orderByDueDate().asc());
		ensure(MY_TASKS, -10, "Aufgaben, die mir zugewiesen sind",
				taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
		// a candidate-group query leaves out claimed tasks unless asked: the group sees all its tasks
		ensure(GROUP_TASKS, -5, "Aufgaben meiner Gruppen, offene und schon übernommene",
				taskService.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()
					.orderByDueDate()
					.asc());
	}

	/**
	 * The transfer manager's own filter: the open work of the Kommunen they look after. Only they
	 * may read it.
	 */
	void ensureForTransferManager(String userId) {
		Filter filter = save(MY_MUNICIPALITIES, userId, -15,
				"Offene Aufgaben der Kommunen, die ich als Transfermanager/in betreue",
				openWork().processVariableValueEquals(CollaborationProcess.Vars.TRANSFER_MANAGER, userId)
					.orderByDueDate()
					.asc());
		grants.toUser(userId, Resources.FILTER, filter.getId(), Permissions.READ);
	}

	/** Assigned to the user, or offered to one of their groups and not yet taken by someone else. */
	private TaskQuery openWork() {
		return taskService.createTaskQuery()
			.or()
			.taskAssigneeExpression("${currentUser()}")
			.taskCandidateGroupInExpression("${currentUserGroups()}")
			.endOr();
	}

	/** The id of a filter created here for everybody, for tests and links. */
	public String idOf(String name) {
		Filter filter = filterService.createTaskFilterQuery().filterName(name).list().stream()
			.filter(candidate -> candidate.getOwner() == null)
			.findFirst()
			.orElse(null);
		return filter == null ? null : filter.getId();
	}

	/** The id of a user's own filter, for tests and links. */
	public String idOf(String name, String owner) {
		Filter filter = filterService.createTaskFilterQuery().filterName(name).filterOwner(owner).singleResult();
		return filter == null ? null : filter.getId();
	}

	private void ensure(String name, int priority, String description, TaskQuery query) {
		Filter filter = save(name, null, priority, description, query);
		grants.toEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
	}

	private Filter save(String name, String owner, int priority, String description, TaskQuery query) {
		List<Filter> existing = filterService.createTaskFilterQuery().filterName(name).list().stream()
			.filter(candidate -> Objects.equals(candidate.getOwner(), owner))
			.toList();
		Filter filter = existing.isEmpty() ? filterService.newTaskFilter(name) : existing.get(0);
		filter.setOwner(owner);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("refresh", true);
		properties.put("variables", List.of(
				Map.of("name", CollaborationProcess.Vars.MUNICIPALITY_NAME, "label", "Kommune")));
		filter.setQuery(query);
		filter.setProperties(properties);
		return filterService.saveFilter(filter);
	}

}
