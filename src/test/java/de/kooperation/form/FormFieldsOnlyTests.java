package de.kooperation.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.kooperation.DemoAppTest;
import de.kooperation.TypicalAnswers;
import de.kooperation.WebappSessions;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;

/**
 * Completing a task with a variable its form does not have: refused with a German message before
 * the engine sees it, over the REST API and over the webapps' API that Tasklist uses, and nothing
 * changes. Here Eisenach's contact tries to move the end of funding of her own collaboration.
 */
@DemoAppTest
class FormFieldsOnlyTests {

	private static final String EISENACH_CONTACT = "sabine.krause";

	private static final String PASSWORD = "demo";

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	FormRules rules;

	private final ObjectMapper json = new ObjectMapper();

	private Task task;

	private Object fundingEnd;

	@BeforeEach
	void anOpenTaskOfEisenachsContacts() {
		ProcessEngines.registerProcessEngine(engine);
		task = engine.getTaskService().createTaskQuery()
			.taskCandidateGroup(PartyGroups.municipalityContacts("eisenach"))
			.initializeFormKeys()
			.list().stream()
			.filter(open -> open.getCamundaFormRef() != null && rules.knows(open.getCamundaFormRef().getKey()))
			.findFirst()
			.orElseThrow();
		fundingEnd = engine.getRuntimeService().getVariable(task.getProcessInstanceId(), CollaborationProcess.Vars.FUNDING_END);
	}

	@Test
	void overTheRestApiAnExtraVariableIsRefusedAndNothingChanges() throws Exception {
		ResponseEntity<String> response = rest.withBasicAuth(EISENACH_CONTACT, PASSWORD)
			.exchange("/engine-rest/task/{id}/complete", HttpMethod.POST, new HttpEntity<>(answersPlusFundingEnd(), json()),
					String.class, task.getId());

		assertRefusedAndUnchanged(response);
	}

	@Test
	void overTheWebappsApiAnExtraVariableIsRefusedAndNothingChanges() throws Exception {
		HttpHeaders session = WebappSessions.sessionOf(WebappSessions.login(rest, "tasklist", EISENACH_CONTACT, PASSWORD));
		HttpHeaders fetch = new HttpHeaders();
		fetch.putAll(session);
		fetch.set("X-XSRF-TOKEN", "Fetch");
		String token = rest.exchange("/camunda/api/engine/engine/default/task/{id}", HttpMethod.GET, new HttpEntity<>(fetch),
				String.class, task.getId()).getHeaders().getFirst("X-XSRF-TOKEN");
		HttpHeaders headers = json();
		headers.putAll(session);
		headers.set("X-XSRF-TOKEN", token);

		ResponseEntity<String> response = rest.exchange("/camunda/api/engine/engine/default/task/{id}/submit-form", HttpMethod.POST,
				new HttpEntity<>(answersPlusFundingEnd(), headers), String.class, task.getId());

		assertRefusedAndUnchanged(response);
	}

	private void assertRefusedAndUnchanged(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		assertThat(response.getBody()).contains("„fundingEnd“ ist kein Feld ihres Formulars", "Es wurde nichts gespeichert");
		assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
		assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), CollaborationProcess.Vars.FUNDING_END))
			.isEqualTo(fundingEnd);
	}

	/** Every field of the task's form with a plausible answer, and the end of funding moved. */
	private String answersPlusFundingEnd() throws Exception {
		ObjectNode variables = json.createObjectNode();
		TypicalAnswers.forForm(rules, task.getCamundaFormRef().getKey())
			// a dynamic list's rows go as Tasklist sends them: Json text of type Json
			.forEach((key, value) -> variables.set(key, value instanceof SerializableValue rows
					? json.valueToTree(Map.of("value", rows.getValueSerialized(), "type", "Json"))
					: json.valueToTree(Map.of("value", value))));
		variables.set(CollaborationProcess.Vars.FUNDING_END, json.valueToTree(Map.of("value", "2026-12-31")));
		ObjectNode body = json.createObjectNode();
		body.set("variables", variables);
		return json.writeValueAsString(body);
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

}
