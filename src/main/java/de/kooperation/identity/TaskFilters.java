package de.kooperation.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess;

/**
 * The Tasklist filters, sorted by due date. Tasklist opens on the filter with the lowest priority:
 * {@link #OPEN_WORK}, everything that waits for the user (assigned to them or offered to their
 * groups), so nobody lands on an empty list while their work sits elsewhere. The shared filters use
 * the engine's expressions for the logged-in user, so one filter serves everybody; readable by
 * every user. Each transfer manager also gets {@link #MY_MUNICIPALITIES}, their own filter narrowed
 * to the Kommunen they look after: those whose running collaboration names them in the process
 * variable {@code transferManager}. The filter lists these Kommunen as business keys (a filter
 * query cannot compare a variable with an expression, and a condition on the variable made the
 * engine read every collaboration's {@code transferManager} on every Tasklist request; the
 * business keys lead through an index to the manager's own Kommunen only). Created or brought
 * up to date at every start of the application and, for the managers concerned, at every start
 * of a collaboration ({@link MyMunicipalitiesUpkeep}).
 */
@Component
public class TaskFilters {

	public static final String OPEN_WORK = "Meine offenen Aufgaben";

	public static final String MY_MUNICIPALITIES = "Meine Kommunen";

	public static final String MY_TASKS = "Meine Aufgaben";

	public static final String GROUP_TASKS = "Aufgaben meiner Gruppe";

	/** The business key in a transfer manager's filter while they look after no Kommune: no collaboration has it. */
	static final String NO_MUNICIPALITY = "-";

	private final FilterService filterService;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final Grants grants;

	TaskFilters(FilterService filterService, TaskService taskService, RuntimeService runtimeService, Grants grants) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
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
				"Offene Aufgaben der Kommunen, die ich als Transfermanager/in betreue", myMunicipalities(municipalitiesOf(userId)));
		grants.toUser(userId, Resources.FILTER, filter.getId(), Permissions.READ);
	}

	/** The query of a transfer manager's filter: their open work in these Kommunen. */
	private TaskQuery myMunicipalities(Collection<String> municipalityIds) {
		// a query needs at least one key: one that is no Kommune's stands for none
		String[] keys = municipalityIds.isEmpty() ? new String[] { NO_MUNICIPALITY }
				: municipalityIds.stream().sorted().distinct().toArray(String[]::new);
		return openWork().processInstanceBusinessKeyIn(keys).orderByDueDate().asc();
	}

	/**
	 * A collaboration of the Kommune has started with that transfer manager (or none): it joins their
	 * filter and leaves the filter of anyone else who still lists the Kommune from an earlier
	 * collaboration. Runs in the starting transaction, which does not yet show the new
	 * collaboration to queries. Only filters that exist are changed: a transfer manager without one
	 * gets it at the next start of the application, with all their Kommunen.
	 */
	void collaborationStarted(String municipalityId, String transferManager) {
		for (Filter filter : filterService.createTaskFilterQuery().filterName(MY_MUNICIPALITIES).list()) {
			String owner = filter.getOwner();
			Set<String> listed = listed(filter);
			if (owner == null || !(owner.equals(transferManager) || listed.contains(municipalityId))) {
				continue;
			}
			Set<String> ids = new TreeSet<>(municipalitiesOf(owner));
			if (owner.equals(transferManager)) {
				ids.add(municipalityId);
			}
			else {
				ids.remove(municipalityId);
			}
			if (!ids.equals(listed)) {
				filter.setQuery(myMunicipalities(ids));
				filterService.saveFilter(filter);
			}
		}
	}

	/** The Kommunen whose running collaboration names the user as its transfer manager. */
	List<String> municipalitiesOf(String userId) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY)
			.variableValueEquals(CollaborationProcess.Vars.TRANSFER_MANAGER, userId)
			.list()
			.stream()
			.map(ProcessInstance::getBusinessKey)
			.filter(Objects::nonNull)
			.distinct()
			.sorted()
			.toList();
	}

	/** The Kommunen a transfer manager's filter lists now. */
	static Set<String> listed(Filter filter) {
		String[] keys = ((TaskQueryImpl) filter.getQuery()).getProcessInstanceBusinessKeys();
		Set<String> listed = new TreeSet<>(keys == null ? List.of() : List.of(keys));
		listed.remove(NO_MUNICIPALITY);
		return listed;
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
