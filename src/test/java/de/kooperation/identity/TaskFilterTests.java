package de.kooperation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import de.kooperation.DemoAppTest;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;
import de.kooperation.demo.DemoScript;

/**
 * The Tasklist filters as the demo users read them over REST (the calls Tasklist makes): the
 * first filter holds everything that waits for the user, and each transfer manager's own filter
 * holds only the Kommunen they look after and is theirs alone.
 */
@DemoAppTest
class TaskFilterTests {

	private static final String SABINE = DemoScript.EISENACH.contact().id();

	private static final String LENA = DemoScript.TRANSFER_MANAGER_LENA.id();

	private static final String JONAS = DemoScript.TRANSFER_MANAGER_JONAS.id();

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskFilters filters;

	@BeforeEach
	void restServesThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	@Test
	void tasklistOpensOnTheUsersOpenWorkWhichHoldsWhatIsOfferedToTheirGroupAndWhatTheyTookOver() {
		List<Map<String, Object>> readable = filterList(SABINE, "/engine-rest/filter?resourceType=Task&itemCount=true");
		Map<String, Object> first = readable.stream()
			.min(Comparator.comparingInt(filter -> ((Number) properties(filter).get("priority")).intValue()))
			.orElseThrow();
		assertThat(first.get("name")).isEqualTo(TaskFilters.OPEN_WORK);
		assertThat(properties(first)).containsEntry("refresh", true);

		Task offered = eisenachTask();
		Task taken = eisenachTask();
		engine.getTaskService().claim(taken.getId(), SABINE);
		String openWork = filters.idOf(TaskFilters.OPEN_WORK);
		List<String> listed = ids(filterList(SABINE, "/engine-rest/filter/" + openWork + "/list"));
		assertThat(listed).contains(offered.getId(), taken.getId());
		assertThat(((Number) filterList(SABINE, "/engine-rest/filter?resourceType=Task&itemCount=true").stream()
			.filter(filter -> TaskFilters.OPEN_WORK.equals(filter.get("name"))).findFirst().orElseThrow()
			.get("itemCount")).longValue()).isEqualTo(listed.size());

		// taken over by a colleague: no longer waiting for her
		engine.getTaskService().setAssignee(offered.getId(), "kollegin");
		assertThat(ids(filterList(SABINE, "/engine-rest/filter/" + openWork + "/list"))).doesNotContain(offered.getId())
			.contains(taken.getId());
	}

	@Test
	void aTransferManagersOwnFilterHoldsOnlyTheKommunenTheyLookAfterAndIsTheirsAlone() {
		String lenasFilter = filters.idOf(TaskFilters.MY_MUNICIPALITIES, LENA);
		String jonassFilter = filters.idOf(TaskFilters.MY_MUNICIPALITIES, JONAS);
		assertThat(lenasFilter).isNotNull().isNotEqualTo(jonassFilter);
		assertThat(jonassFilter).isNotNull();

		// an agency task in a Kommune of each (Eisenach: Lena, Nienburg: Jonas)
		collaborationTask("eisenach", CollaborationProcess.Elements.SUPPORT_CONCRETISATION);
		collaborationTask("nienburg", CollaborationProcess.Elements.SUPPORT_CONCRETISATION);

		List<String> lenas = ids(filterList(LENA, "/engine-rest/filter/" + lenasFilter + "/list"));
		List<Task> agencyTasks = engine.getTaskService().createTaskQuery().taskCandidateGroup(PartyGroups.AGENCY_TEAM).list();
		assertThat(agencyTasks).anyMatch(task -> JONAS.equals(transferManagerOf(task)));
		assertThat(lenas).isNotEmpty();
		for (Task task : agencyTasks) {
			assertThat(lenas.contains(task.getId())).as("%s of %s", task.getName(), transferManagerOf(task))
				.isEqualTo(LENA.equals(transferManagerOf(task)));
		}

		ResponseEntity<String> othersFilter = rest.withBasicAuth(JONAS, DemoScript.PASSWORD)
			.getForEntity("/engine-rest/filter/" + lenasFilter + "/list", String.class);
		assertThat(othersFilter.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(filterList(SABINE, "/engine-rest/filter?resourceType=Task")).extracting(filter -> filter.get("name"))
			.doesNotContain(TaskFilters.MY_MUNICIPALITIES);
	}

	// ----------------------------------------------------------------

	/** A task no other test of this shared application expects to be open only once (unlike acknowledge, concretise). */
	private Task eisenachTask() {
		return collaborationTask("eisenach", CollaborationProcess.Elements.SIGNING_PUBLICITY);
	}

	/** A fresh task of the Kommune's collaboration, nobody has taken it. */
	private Task collaborationTask(String municipalityId, String activityId) {
		ProcessInstance collaboration = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY).processInstanceBusinessKey(municipalityId).singleResult();
		engine.getRuntimeService().createProcessInstanceModification(collaboration.getId())
			.startBeforeActivity(activityId).execute();
		return engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
			.taskDefinitionKey(activityId).taskUnassigned().orderByTaskCreateTime().desc().list().get(0);
	}

	private Object transferManagerOf(Task task) {
		return engine.getTaskService().getVariable(task.getId(), CollaborationProcess.Vars.TRANSFER_MANAGER);
	}

	private List<Map<String, Object>> filterList(String user, String path) {
		ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, DemoScript.PASSWORD)
			.exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(Map<String, Object> filter) {
		return (Map<String, Object>) filter.get("properties");
	}

	private static List<String> ids(List<Map<String, Object>> tasks) {
		return tasks.stream().map(task -> (String) task.get("id")).toList();
	}

}
