package de.kooperation.identity;

import static de.kooperation.shared.CollaborationProcess.Elements.ACKNOWLEDGE_RECOMMENDATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import de.kooperation.DemoAppTest;
import de.kooperation.WebappSessions;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.demo.DemoScript.DemoMunicipality;
import de.kooperation.shared.PartyGroups;
import de.kooperation.demo.DemoScript;

/**
 * Each Kommune sees only its own work: for every pair of demo Kommunen A ≠ B, A's users (the
 * contact and the Verwaltungsspitze) try everything the REST API offers on B's task and B's
 * collaboration. Every attempt is refused (403/404) or answered empty, and nothing changes.
 */
@DemoAppTest
class IsolationTests {

	private static final String PASSWORD = DemoScript.PASSWORD;

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@BeforeEach
	void restAndWebappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	static Stream<Arguments> pairsOfDifferentKommunen() {
		List<Arguments> pairs = new ArrayList<>();
		for (DemoMunicipality a : DemoScript.MUNICIPALITIES) {
			for (DemoMunicipality b : DemoScript.MUNICIPALITIES) {
				if (a != b) {
					pairs.add(Arguments.of(a.id(), b.id()));
				}
			}
		}
		return pairs.stream();
	}

	@Nested
	class BetweenKommunen {

		@ParameterizedTest(name = "{0} gegen {1}")
		@MethodSource("de.kooperation.identity.IsolationTests#pairsOfDifferentKommunen")
		void aKommunesUsersCanNeitherSeeNorTouchAnotherKommunesTasksInstancesVariablesOrHistory(String a, String b) {
			ProcessInstance othersCollaboration = collaboration(b);
			// a task of a called process where there is one (Eisenach: documents in the baseline analysis)
			Task othersTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(b)
				.taskCandidateGroup(PartyGroups.municipalityContacts(b)).list().stream()
				.filter(task -> !task.getProcessInstanceId().equals(othersCollaboration.getId()))
				.findFirst()
				.orElseGet(() -> kommuneTask(b));
			Task ownTask = kommuneTask(a);
			String pi = othersTask.getProcessInstanceId();
			String root = othersCollaboration.getId();

			for (String user : usersOf(a)) {
				TestRestTemplate client = rest.withBasicAuth(user, PASSWORD);

				// what A may see of its own: the control that the refusals below come from the authorizations
				if (user.equals(municipality(a).contact().id())) {
					ResponseEntity<String> own = client.getForEntity("/engine-rest/task/{id}/variables", String.class, ownTask.getId());
					assertThat(own.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
					assertThat(own.getBody()).contains("\"" + a + "\"").doesNotContain("\"" + b + "\"");
				}

				// list
				assertThat(ids(client, "/engine-rest/task?maxResults=1000")).as(user).doesNotContain(othersTask.getId());
				assertEmpty(client, user, "/engine-rest/task?processInstanceBusinessKey=" + b);
				assertEmpty(client, user, "/engine-rest/task?processInstanceId=" + pi);
				assertThat(client.getForObject("/engine-rest/task/count?processInstanceBusinessKey=" + b, String.class))
					.isEqualTo("{\"count\":0}");
				// read
				for (String path : List.of("", "/variables", "/variables/municipalityName", "/form-variables", "/deployed-form",
						"/form", "/identity-links", "/rendered-form")) {
					assertRefused(client.getForEntity("/engine-rest/task/" + othersTask.getId() + path, String.class), user, path);
				}
				// claim, complete, change
				assertRefused(post(client, "/engine-rest/task/" + othersTask.getId() + "/claim", Map.of("userId", user)), user, "claim");
				assertRefused(post(client, "/engine-rest/task/" + othersTask.getId() + "/complete", Map.of()), user, "complete");
				assertRefused(post(client, "/engine-rest/task/" + othersTask.getId() + "/submit-form",
						Map.of("variables", Map.of("recommendationsAcknowledged", Map.of("value", true)))), user, "submit-form");
				assertRefused(post(client, "/engine-rest/task/" + othersTask.getId() + "/assignee", Map.of("userId", user)), user,
						"assignee");
				assertRefused(post(client, "/engine-rest/task/" + othersTask.getId() + "/identity-links",
						Map.of("groupId", PartyGroups.municipalityContacts(a), "type", "candidate")), user, "identity-links");
				assertRefused(client.exchange("/engine-rest/task/" + othersTask.getId() + "/variables/intruder", HttpMethod.PUT,
						json(Map.of("value", "x", "type", "String")), String.class), user, "put variable");
				assertRefused(post(client, "/engine-rest/task/" + othersTask.getId() + "/variables",
						Map.of("modifications", Map.of("intruder", Map.of("value", "x")))), user, "modify variables");
				// the collaboration and its variables
				assertEmpty(client, user, "/engine-rest/process-instance?businessKey=" + b);
				assertEmpty(client, user, "/engine-rest/variable-instance?processInstanceIdIn=" + pi + "," + root);
				assertEmpty(client, user, "/engine-rest/execution?processInstanceId=" + root);
				assertEmpty(client, user, "/engine-rest/job?processInstanceId=" + root);
				for (String instance : List.of(pi, root)) {
					for (String path : List.of("", "/variables", "/variables/municipalityName", "/activity-instances")) {
						assertRefused(client.getForEntity("/engine-rest/process-instance/" + instance + path, String.class), user, path);
					}
				}
				assertRefused(client.exchange("/engine-rest/process-instance/" + root + "/variables/intruder", HttpMethod.PUT,
						json(Map.of("value", "x", "type", "String")), String.class), user, "put instance variable");
				assertRefused(client.exchange("/engine-rest/process-instance/" + root, HttpMethod.DELETE, null, String.class), user,
						"delete instance");
				assertRefused(post(client, "/engine-rest/message",
						Map.of("messageName", CollaborationProcess.MESSAGE_TERMINATION, "businessKey", b)), user, "message");
				assertRefused(post(client, "/api/collaborations/" + b + "/termination", Map.of("party", "KOMMUNE", "reason", "Test")),
						user, "termination");
				// history
				for (String path : List.of("/history/task?processInstanceId=" + pi, "/history/task?taskId=" + othersTask.getId(),
						"/history/process-instance?processInstanceBusinessKey=" + b, "/history/variable-instance?processInstanceId=" + pi,
						"/history/variable-instance?processInstanceIdIn=" + root, "/history/activity-instance?processInstanceId=" + root,
						"/history/detail?processInstanceId=" + pi, "/history/identity-link-log?taskId=" + othersTask.getId(),
						"/history/user-operation?processInstanceId=" + root, "/history/incident?processInstanceId=" + root)) {
					assertEmpty(client, user, "/engine-rest" + path);
				}
			}

			// nothing changed
			Task after = engine.getTaskService().createTaskQuery().taskId(othersTask.getId()).singleResult();
			assertThat(after).as("B's task is still open").isNotNull();
			assertThat(after.getAssignee()).isEqualTo(othersTask.getAssignee());
			assertThat(candidateGroups(othersTask)).containsExactly(PartyGroups.municipalityContacts(b));
			assertThat(engine.getRuntimeService().getVariable(pi, "intruder")).isNull();
			assertThat(engine.getRuntimeService().getVariable(root, "intruder")).isNull();
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(root).active().count()).isOne();
		}

	}

	@Nested
	class KommuneUsers {

		@Test
		void logIntoTasklistButNeitherIntoCockpitNorIntoAdmin() {
			for (DemoMunicipality kommune : DemoScript.MUNICIPALITIES) {
				for (String user : usersOf(kommune.id())) {
					assertThat(WebappSessions.login(rest, "tasklist", user, PASSWORD).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
					assertThat(WebappSessions.login(rest, "cockpit", user, PASSWORD).getStatusCode()).as(user)
						.isEqualTo(HttpStatus.FORBIDDEN);
					assertThat(WebappSessions.login(rest, "admin", user, PASSWORD).getStatusCode()).as(user)
						.isEqualTo(HttpStatus.FORBIDDEN);
				}
			}
		}

		@Test
		void startNoProcessAndSeeNoProcessDefinitionNorDeployment() {
			long before = engine.getRuntimeService().createProcessInstanceQuery().count();
			List<String> keys = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
				.map(ProcessDefinition::getKey).toList();
			assertThat(keys).contains(CollaborationProcess.KEY, "baselineAnalysis", "reminder");

			for (DemoMunicipality kommune : DemoScript.MUNICIPALITIES) {
				for (String user : usersOf(kommune.id())) {
					TestRestTemplate client = rest.withBasicAuth(user, PASSWORD);
					assertEmpty(client, user, "/engine-rest/process-definition");
					assertEmpty(client, user, "/engine-rest/deployment");
					assertEmpty(client, user, "/engine-rest/history/process-instance");
					assertEmpty(client, user, "/engine-rest/authorization");
					// people: only themselves, groups: only their own
					assertThat(ids(client, "/engine-rest/user")).as(user).containsExactly(user);
					assertThat(ids(client, "/engine-rest/group")).as(user)
						.allMatch(group -> group.startsWith(PartyGroups.municipalityContacts(kommune.id())));
					for (String key : keys) {
						Map<String, Object> start = Map.of("businessKey", kommune.id(),
								"variables", Map.of("fundingEnd", Map.of("value", "2030-12-31")));
						assertRefused(post(client, "/engine-rest/process-definition/key/" + key + "/start", start), user, key);
						assertRefused(post(client, "/engine-rest/process-definition/key/" + key + "/submit-form", start), user, key);
					}
					assertRefused(post(client, "/api/collaborations", Map.of("municipalityId", kommune.id(), "fundingEnd", "2030-12-31")),
							user, "api start");
					assertRefused(client.getForEntity("/api/collaborations/" + kommune.id() + "/report", String.class), user, "report");
				}
			}

			assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
		}

		@Test
		void claimAndCompleteTheirTasksButNeitherHandThemOnNorGiveThemBackNorChangeThem() {
			Task own = kommuneTask("nienburg");
			String petra = DemoScript.NIENBURG.contact().id();
			TestRestTemplate client = rest.withBasicAuth(petra, PASSWORD);

			assertThat(post(client, "/engine-rest/task/" + own.getId() + "/claim", Map.of("userId", petra)).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(post(client, "/engine-rest/task/" + own.getId() + "/assignee", Map.of("userId", "lena.vogt")).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(post(client, "/engine-rest/task/" + own.getId() + "/delegate", Map.of("userId", "lena.vogt")).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(post(client, "/engine-rest/task/" + own.getId() + "/identity-links",
					Map.of("groupId", "kommune-eisenach", "type", "candidate")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(client.exchange("/engine-rest/task/" + own.getId(), HttpMethod.PUT,
					json(Map.of("name", own.getName(), "due", "2099-01-01T00:00:00.000+0100")), String.class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(engine.getTaskService().createTaskQuery().taskId(own.getId()).singleResult().getAssignee()).isEqualTo(petra);
			assertThat(candidateGroups(own)).containsExactly("kommune-nienburg");
			assertThat(engine.getTaskService().createTaskQuery().taskId(own.getId()).singleResult().getDueDate())
				.isEqualTo(own.getDueDate());

			// giving a task back is handing it on (TASK_ASSIGN): the Projektleitung does that
			assertThat(post(client, "/engine-rest/task/" + own.getId() + "/unclaim", Map.of()).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(post(client, "/engine-rest/task/" + own.getId() + "/submit-form",
					Map.of("variables", Map.of("recommendationsAcknowledged", Map.of("value", true)))).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(engine.getTaskService().createTaskQuery().taskId(own.getId()).count()).isZero();
		}

	}

	@Nested
	class Agency {

		@Test
		void theProjectLeadHandsATaskOnAndATransferManagerMayNot() {
			Task agencyTask = engine.getTaskService().createTaskQuery().taskCandidateGroup(PartyGroups.AGENCY_TEAM).list().get(0);

			ResponseEntity<String> byTeam = post(rest.withBasicAuth(DemoScript.TRANSFER_MANAGER_LENA.id(), PASSWORD),
					"/engine-rest/task/" + agencyTask.getId() + "/assignee", Map.of("userId", DemoScript.TRANSFER_MANAGER_JONAS.id()));
			ResponseEntity<String> byLead = post(rest.withBasicAuth(DemoScript.PROJECT_LEAD.id(), PASSWORD),
					"/engine-rest/task/" + agencyTask.getId() + "/assignee", Map.of("userId", DemoScript.TRANSFER_MANAGER_JONAS.id()));

			assertThat(byTeam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(byLead.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(engine.getTaskService().createTaskQuery().taskId(agencyTask.getId()).singleResult().getAssignee())
				.isEqualTo(DemoScript.TRANSFER_MANAGER_JONAS.id());
			engine.getTaskService().setAssignee(agencyTask.getId(), agencyTask.getAssignee());
		}

		@Test
		void transferManagersReadEveryCollaborationButNoHistoryAndTheProjectLeadReadsHistoryToo() {
			String worms = collaboration("worms").getId();
			TestRestTemplate lena = rest.withBasicAuth(DemoScript.TRANSFER_MANAGER_LENA.id(), PASSWORD);
			TestRestTemplate claudia = rest.withBasicAuth(DemoScript.PROJECT_LEAD.id(), PASSWORD);

			assertThat(lena.getForEntity("/engine-rest/process-instance/{id}/variables", String.class, worms).getStatusCode())
				.isEqualTo(HttpStatus.OK);
			assertEmpty(lena, "lena", "/engine-rest/history/process-instance?processInstanceBusinessKey=worms");
			assertThat(ids(claudia, "/engine-rest/history/process-instance?processInstanceBusinessKey=worms")).contains(worms);
			// the funder's report, for the agency
			ResponseEntity<String> report = lena.getForEntity("/api/collaborations/worms/report", String.class);
			assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(report.getBody()).contains("\"kommune\":\"worms\"", "\"status\":\"läuft\"", "Stadt Worms");
		}

	}

	// ---------------------------------------------------------------- helpers

	private static List<String> usersOf(String municipalityId) {
		DemoMunicipality kommune = municipality(municipalityId);
		return List.of(kommune.contact().id(), kommune.executive().id());
	}

	private static DemoMunicipality municipality(String id) {
		return DemoScript.MUNICIPALITIES.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
	}

	/** 403 or 404: refused, or not there for this user. */
	private static void assertRefused(ResponseEntity<String> response, String user, String what) {
		assertThat(response.getStatusCode().value()).as("%s: %s → %s", user, what, response.getBody()).isIn(403, 404);
	}

	private static void assertEmpty(TestRestTemplate client, String user, String path) {
		ResponseEntity<String> response = client.getForEntity(path, String.class);
		assertThat(response.getStatusCode()).as("%s: %s → %s", user, path, response.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).as("%s: %s", user, path).isEqualTo("[]");
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(TestRestTemplate client, String path) {
		List<Map<String, Object>> list = client.getForObject(path, List.class);
		return list.stream().map(entry -> (String) entry.get("id")).toList();
	}

	private static ResponseEntity<String> post(TestRestTemplate client, String path, Object body) {
		return client.postForEntity(path, json(body), String.class);
	}

	static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	private List<String> candidateGroups(Task task) {
		return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

	/** An open task offered to the Kommune's contacts in its demo collaboration (created if none is open). */
	Task kommuneTask(String municipalityId) {
		ProcessInstance collaboration = collaboration(municipalityId);
		List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
			.taskDefinitionKey(ACKNOWLEDGE_RECOMMENDATIONS).list();
		if (open.isEmpty()) {
			engine.getRuntimeService().createProcessInstanceModification(collaboration.getId())
				.startBeforeActivity(ACKNOWLEDGE_RECOMMENDATIONS)
				.execute();
			open = engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
				.taskDefinitionKey(ACKNOWLEDGE_RECOMMENDATIONS).list();
		}
		return open.get(0);
	}

	ProcessInstance collaboration(String municipalityId) {
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(municipalityId).singleResult();
	}

}
