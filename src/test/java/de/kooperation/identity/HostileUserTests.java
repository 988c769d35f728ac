package de.kooperation.identity;

import static de.kooperation.shared.CollaborationProcess.Elements.ACKNOWLEDGE_RECOMMENDATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;


import de.kooperation.DemoAppTest;
import de.kooperation.GermanRefusals;
import de.kooperation.WebappSessions;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.demo.DemoScript.DemoMunicipality;
import de.kooperation.shared.PartyGroups;
import de.kooperation.demo.DemoScript;

/**
 * What a curious or hostile Kommune user tries beyond the ordinary isolation checks, on all three
 * channels to the engine: {@code /engine-rest}, its {@code /engine-rest/engine/default} variant and
 * the webapps' API that Tasklist uses. Every answer: no 5xx, a German message on every 4xx, and
 * nothing of another Kommune's and nothing changed.
 */
@DemoAppTest
class HostileUserTests {

	private static final String PASSWORD = DemoScript.PASSWORD;

	private static final String COMMENT_TEXT = "Vertraulicher Vermerk zur Kooperation";

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void restAndWebappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	enum Channel {

		REST("/engine-rest"), REST_NAMED_ENGINE("/engine-rest/engine/default"), WEBAPP_API("/camunda/api/engine/engine/default");

		final String base;

		Channel(String base) {
			this.base = base;
		}

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

	@ParameterizedTest(name = "{0} gegen {1}")
	@MethodSource("pairsOfDifferentKommunen")
	void aKommunesUsersNeitherReadNorDeleteCommentsAttachmentsOrTasksOfAnotherKommuneOnAnyChannel(String a, String b) {
		Task othersTask = kommuneTask(b);
		Comment comment = engine.getTaskService().createComment(othersTask.getId(), othersTask.getProcessInstanceId(), COMMENT_TEXT);
		Attachment attachment = engine.getTaskService().createAttachment("text/plain", othersTask.getId(),
				othersTask.getProcessInstanceId(), "protokoll.txt", "Protokoll",
				new ByteArrayInputStream(COMMENT_TEXT.getBytes(StandardCharsets.UTF_8)));
		String task = "/task/" + othersTask.getId();

		for (String user : usersOf(a)) {
			for (Channel channel : Channel.values()) {
				Client client = new Client(user, channel);
				for (String path : List.of(task + "/comment/" + comment.getId(), task + "/comment", task + "/attachment/" + attachment.getId(),
						task + "/attachment/" + attachment.getId() + "/data", task + "/attachment")) {
					ResponseEntity<String> read = client.send(HttpMethod.GET, path, null);
					assertThat(read.getStatusCode().value()).as("%s %s GET %s → %s", user, channel, path, read.getBody()).isIn(403, 404);
					assertThat(read.getBody()).as("%s %s %s", user, channel, path).doesNotContain(COMMENT_TEXT, "protokoll.txt");
					assertGermanRefusal(read, user + " " + channel + " GET " + path);
				}
				ResponseEntity<String> deleteAttachment = client.send(HttpMethod.DELETE, task + "/attachment/" + attachment.getId(), null);
				assertThat(deleteAttachment.getStatusCode().value()).as("%s %s delete attachment → %s", user, channel, deleteAttachment.getBody())
					.isEqualTo(404);
				assertGermanRefusal(deleteAttachment, user + " " + channel + " delete attachment");

				// deleting another's task answers exactly as deleting an unknown one: no existence oracle
				ResponseEntity<String> deleteTask = client.send(HttpMethod.DELETE, task, null);
				ResponseEntity<String> deleteUnknown = client.send(HttpMethod.DELETE, "/task/" + java.util.UUID.randomUUID(), null);
				assertThat(deleteTask.getStatusCode()).as("%s %s delete task → %s", user, channel, deleteTask.getBody())
					.isEqualTo(deleteUnknown.getStatusCode());
				assertThat(deleteTask.getStatusCode().is5xxServerError()).isFalse();

				ResponseEntity<String> claim = client.send(HttpMethod.POST, task + "/claim", Map.of("userId", user));
				assertThat(claim.getStatusCode().value()).as("%s %s claim → %s", user, channel, claim.getBody()).isIn(403, 404);
				assertGermanRefusal(claim, user + " " + channel + " claim");
			}
		}

		assertThat(engine.getTaskService().getAttachment(attachment.getId())).as("the attachment is still there").isNotNull();
		assertThat(engine.getTaskService().getTaskComment(othersTask.getId(), comment.getId())).isNotNull();
		Task after = engine.getTaskService().createTaskQuery().taskId(othersTask.getId()).singleResult();
		assertThat(after).as("B's task is still open").isNotNull();
		assertThat(after.getAssignee()).isEqualTo(othersTask.getAssignee());
		engine.getTaskService().deleteAttachment(attachment.getId());
		engine.getTaskService().deleteTaskComment(othersTask.getId(), comment.getId());
	}

	@Test
	void aKommuneUserClaimsHerTaskOnlyForHerselfNeverForAnotherKommunesUserOrSomeoneWhoDoesNotExist() {
		Task own = kommuneTask("eisenach");
		String sabine = DemoScript.EISENACH.contact().id();
		String petra = DemoScript.NIENBURG.contact().id();

		for (Channel channel : Channel.values()) {
			Client client = new Client(sabine, channel);
			for (String someoneElse : List.of(petra, "niemand-" + channel.ordinal(), DemoScript.EISENACH.executive().id())) {
				ResponseEntity<String> claim = client.send(HttpMethod.POST, "/task/" + own.getId() + "/claim", Map.of("userId", someoneElse));
				assertThat(claim.getStatusCode().value()).as("%s claims for %s → %s", channel, someoneElse, claim.getBody()).isEqualTo(403);
				assertGermanRefusal(claim, channel + " claim for " + someoneElse);
				assertThat(claim.getBody()).contains("nur selbst übernehmen");
				assertThat(assignee(own)).as("nobody got the task").isNull();
			}
		}
		// the control: for herself, she may
		ResponseEntity<String> forHerself = new Client(sabine, Channel.REST).send(HttpMethod.POST, "/task/" + own.getId() + "/claim",
				Map.of("userId", sabine));
		assertThat(forHerself.getStatusCode().value()).isEqualTo(204);
		assertThat(assignee(own)).isEqualTo(sabine);
		engine.getTaskService().setAssignee(own.getId(), null);
	}

	@Test
	void aTransferManagerDoesNotHandAgencyTasksOnByClaimingThemForAColleague() {
		Task agencyTask = engine.getTaskService().createTaskQuery().taskCandidateGroup(PartyGroups.AGENCY_TEAM).taskUnassigned().list()
			.get(0);
		String lena = DemoScript.TRANSFER_MANAGER_LENA.id();
		String jonas = DemoScript.TRANSFER_MANAGER_JONAS.id();

		ResponseEntity<String> byTeam = new Client(lena, Channel.REST).send(HttpMethod.POST, "/task/" + agencyTask.getId() + "/claim",
				Map.of("userId", jonas));
		assertThat(byTeam.getStatusCode().value()).as(byTeam.getBody()).isEqualTo(403);
		assertThat(assignee(agencyTask)).isNull();

		// the control: for himself, he may
		ResponseEntity<String> byJonas = new Client(jonas, Channel.REST).send(HttpMethod.POST, "/task/" + agencyTask.getId() + "/claim",
				Map.of("userId", jonas));
		assertThat(byJonas.getStatusCode().value()).as(byJonas.getBody()).isEqualTo(204);
		assertThat(assignee(agencyTask)).isEqualTo(jonas);
		engine.getTaskService().setAssignee(agencyTask.getId(), null);
	}

	@Test
	void noPathAroundTheFormLetsAKommuneUserWriteAVariableItDoesNotHave() {
		Task own = kommuneTask("nienburg");
		String petra = DemoScript.NIENBURG.contact().id();
		Object fundingEnd = engine.getRuntimeService().getVariable(own.getProcessInstanceId(), CollaborationProcess.Vars.FUNDING_END);
		Map<String, Object> moved = Map.of("variables", Map.of("recommendationsAcknowledged", Map.of("value", true),
				CollaborationProcess.Vars.FUNDING_END, Map.of("value", "2040-12-31"), CollaborationProcess.Vars.TRANSFER_MANAGER,
				Map.of("value", petra)));
		String task = "/task/" + own.getId();

		List<String[]> attempts = List.of(new String[] { "REST", task + "/complete/" }, new String[] { "REST", task + "/complete;x=y" },
				new String[] { "REST", task + "/submit-form/" }, new String[] { "REST_NAMED_ENGINE", task + "/submit-form" },
				new String[] { "REST_NAMED_ENGINE", task + "/complete" }, new String[] { "WEBAPP_API", task + "/complete" },
				new String[] { "WEBAPP_API", task + "/submit-form" });
		for (String[] attempt : attempts) {
			Channel channel = Channel.valueOf(attempt[0]);
			ResponseEntity<String> response = new Client(petra, channel).send(HttpMethod.POST, attempt[1], moved);
			assertThat(response.getStatusCode().value()).as("%s %s → %s", channel, attempt[1], response.getBody()).isIn(400, 404);
			assertGermanRefusal(response, channel + " " + attempt[1]);
			if (response.getStatusCode().value() == 400) {
				assertThat(response.getBody()).containsAnyOf("ist kein Feld", "sind keine Felder").doesNotContain(own.getId());
			}
		}
		for (String path : List.of(task + "/bpmnError", task + "/bpmnEscalation")) {
			for (Channel channel : Channel.values()) {
				ResponseEntity<String> response = new Client(petra, channel).send(HttpMethod.POST, path,
						Map.of("errorCode", "abbruch", "escalationCode", "abbruch", "variables",
								Map.of(CollaborationProcess.Vars.FUNDING_END, Map.of("value", "2040-12-31"))));
				assertThat(response.getStatusCode().value()).as("%s %s → %s", channel, path, response.getBody()).isEqualTo(400);
				assertGermanRefusal(response, channel + " " + path);
			}
		}

		assertThat(engine.getTaskService().createTaskQuery().taskId(own.getId()).count()).as("the task is still open").isOne();
		assertThat(engine.getRuntimeService().getVariable(own.getProcessInstanceId(), CollaborationProcess.Vars.FUNDING_END))
			.isEqualTo(fundingEnd);
		assertThat(engine.getRuntimeService().getVariable(own.getProcessInstanceId(), CollaborationProcess.Vars.TRANSFER_MANAGER))
			.isNotEqualTo(petra);
	}

	@Test
	void aKommuneUserSendsNoSignalAndDeletesNoTaskOfARunningProcess() {
		Task own = kommuneTask("worms");
		for (Channel channel : Channel.values()) {
			Client client = new Client(DemoScript.WORMS.contact().id(), channel);
			ResponseEntity<String> signal = client.send(HttpMethod.POST, "/signal", Map.of("name", "kuendigung"));
			assertThat(signal.getStatusCode().value()).as("%s signal → %s", channel, signal.getBody()).isEqualTo(403);
			assertGermanRefusal(signal, channel + " signal");

			ResponseEntity<String> delete = client.send(HttpMethod.DELETE, "/task/" + own.getId(), null);
			assertThat(delete.getStatusCode().value()).as("%s delete own task → %s", channel, delete.getBody()).isIn(400, 403);
			assertGermanRefusal(delete, channel + " delete own task");
		}
		assertThat(engine.getTaskService().createTaskQuery().taskId(own.getId()).count()).isOne();
	}

	@Test
	void aRefusedTasklistSubmissionShowsOnlyTheGermanSentenceWithoutEngineCodeOrId() {
		Task own = kommuneTask("eisenach");
		ResponseEntity<String> refused = new Client(DemoScript.EISENACH.contact().id(), Channel.WEBAPP_API).send(HttpMethod.POST,
				"/task/" + own.getId() + "/submit-form", Map.of("variables", Map.of("intruder", Map.of("value", "x"))));

		assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
		assertGermanRefusal(refused, "Tasklist submit");
		assertThat(message(refused)).startsWith("Die Aufgabe „").doesNotContain(own.getId(), "Cannot", "ENGINE-", "TaskListener");
	}

	@Test
	void aKommuneContactDoesNotReadTheAgencysInterviewNotesThroughHerLaterTasksButTheAgencyKeepsThem() {
		// Worms passed its baseline analysis in the demo data: the agency interviewed four of its people
		String worms = DemoScript.WORMS.id();
		List<String> notes = jdbc.sql("select notes from koop_interview where municipality_id = ?").param(worms).query(String.class).list();
		assertThat(notes).as("the agency's interview notes are kept").hasSize(4).allMatch(note -> note.startsWith("Protokoll liegt"));

		Task own = kommuneTask(worms);
		for (Channel channel : Channel.values()) {
			Client client = new Client(DemoScript.WORMS.contact().id(), channel);
			for (String path : List.of("/variables", "/form-variables", "/variables/baselineAnalysisInterviews")) {
				ResponseEntity<String> read = client.send(HttpMethod.GET, "/task/" + own.getId() + path, null);
				assertThat(read.getStatusCode().value()).as("%s %s → %s", channel, path, read.getBody()).isIn(200, 404);
				// (the experts the Kommune itself selected stay its own data; the agency's record of the interviews does not reach it)
				assertThat(read.getBody()).as("%s %s", channel, path).doesNotContain("Protokoll liegt", "interviewNotes",
						"baselineAnalysisInterviews\"");
			}
		}
	}

	// ---------------------------------------------------------------- helpers

	/** One user on one channel: Basic authentication for the REST API, a Tasklist session for the webapps' API. */
	private final class Client {

		private final Channel channel;

		private final TestRestTemplate basic;

		private final HttpHeaders session = new HttpHeaders();

		Client(String user, Channel channel) {
			this.channel = channel;
			this.basic = rest.withBasicAuth(user, PASSWORD);
			if (channel == Channel.WEBAPP_API) {
				session.putAll(WebappSessions.sessionOf(WebappSessions.login(rest, "tasklist", user, PASSWORD)));
				HttpHeaders fetch = new HttpHeaders();
				fetch.putAll(session);
				fetch.set("X-XSRF-TOKEN", "Fetch");
				String token = rest.exchange(channel.base + "/task/count", HttpMethod.GET, new HttpEntity<>(fetch), String.class)
					.getHeaders().getFirst("X-XSRF-TOKEN");
				session.set("X-XSRF-TOKEN", token);
			}
		}

		ResponseEntity<String> send(HttpMethod method, String path, Object body) {
			HttpHeaders headers = new HttpHeaders();
			headers.putAll(session);
			if (body != null) {
				headers.setContentType(MediaType.APPLICATION_JSON);
			}
			TestRestTemplate client = channel == Channel.WEBAPP_API ? rest : basic;
			return client.exchange(java.net.URI.create(client.getRootUri() + channel.base + path), method, new HttpEntity<>(body, headers),
					String.class);
		}

	}

	/** A 4xx carries a German message as JSON, and no engine code, class name or English; never a 5xx. */
	private static void assertGermanRefusal(ResponseEntity<String> response, String what) {
		assertThat(GermanRefusals.problem(response)).as(what).isNull();
	}

	private static String message(ResponseEntity<String> response) {
		return GermanRefusals.message(response.getBody());
	}

	private String assignee(Task task) {
		return engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

	private static List<String> usersOf(String municipalityId) {
		DemoMunicipality kommune = DemoScript.MUNICIPALITIES.stream().filter(m -> m.id().equals(municipalityId)).findFirst()
			.orElseThrow();
		return List.of(kommune.contact().id(), kommune.executive().id());
	}

	/** An open, unclaimed task offered to the Kommune's contacts in its demo collaboration (created if none is open). */
	private Task kommuneTask(String municipalityId) {
		ProcessInstance collaboration = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY).processInstanceBusinessKey(municipalityId).singleResult();
		List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
			.taskDefinitionKey(ACKNOWLEDGE_RECOMMENDATIONS).list();
		if (open.isEmpty()) {
			engine.getRuntimeService().createProcessInstanceModification(collaboration.getId()).startBeforeActivity(ACKNOWLEDGE_RECOMMENDATIONS)
				.execute();
			open = engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
				.taskDefinitionKey(ACKNOWLEDGE_RECOMMENDATIONS).list();
		}
		Task task = open.get(0);
		if (task.getAssignee() != null) {
			engine.getTaskService().setAssignee(task.getId(), null);
		}
		return task;
	}

}
