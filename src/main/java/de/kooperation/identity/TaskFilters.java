package de.kooperation.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import de.kooperation.collaboration.CollaborationProcess;

/**
 * The two Tasklist filters every user sees at first login, sorted by due date. The queries use
 * the engine's expressions for the logged-in user, so one filter serves everybody. Created or
 * brought up to date at every start; readable by every user.
 */
@Component
public class TaskFilters {

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

	/** The id of a filter created here, for tests and links. */
	public String idOf(String name) {
		Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
		return filter == null ? null : filter.getId();
	}

	private void ensure(String name, int priority, String description, TaskQuery query) {
		List<Filter> existing = filterService.createTaskFilterQuery().filterName(name).list();
		Filter filter = existing.isEmpty() ? filterService.newTaskFilter(name) : existing.get(0);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("refresh", true);
		properties.put("variables", List.of(
				Map.of("name", CollaborationProcess.Vars.MUNICIPALITY_NAME, "label", "Kommune")));
		filter.setQuery(query);
		filter.setProperties(properties);
		filterService.saveFilter(filter);
		grants.toEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
	}

}
