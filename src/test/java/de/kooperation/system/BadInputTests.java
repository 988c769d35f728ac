package de.kooperation.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.kooperation.DemoAppTest;
import de.kooperation.GermanRefusals;
import de.kooperation.TypicalAnswers;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.form.FormRules;
import de.kooperation.identity.MunicipalityRegistration;
import de.kooperation.municipality.Municipality;

/**
 * A few hundred generated bad requests against the REST entry points that change state: task
 * completion and form submission, process start, our own API. Every one is answered with a
 * client error (4xx) and a message, never a 500, and afterwards nothing has changed: the same
 * instances, the same open tasks, the same variables, the same Kommunen.
 */
@DemoAppTest
class BadInputTests {

	private static final String PASSWORD = "demo";

	private static final String EISENACH_CONTACT = "sabine.krause";

	private static final String WORMS_CONTACT = "julia.becker";

	private static final String TRANSFER_MANAGER = "lena.vogt";

	private static final String PROJECT_LEAD = "claudia.hartmann";

	/** The admin of the test profile (application.yaml's default). */
	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "admin";

	/** A registered Kommune without a collaboration: a start for it fails only for the bad value sent. */
	private static final String FREE_KOMMUNE = "fuzzstadt";

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String IMG = "<img src=x onerror=alert(1)>";

	private static final List<String> MALFORMED_BODIES = List.of("", "{", "}", "[]", "null", "\"text\"", "42", "{\"variables\": ",
			"{\"variables\": 5}", "{\"variables\": [1, 2]}", "{\"variables\": {\"a\": 5}}", "{\"variables\": {\"a\": \"b\"}}",
			"{'variables': {}}", "<xml/>", "{\"variables\": {\"a\": {\"value\": }}}", "\u0000\u0001", "{\"variables\": null, }");

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	FormRules formRules;

	@Autowired
	MunicipalityRegistration registration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final ObjectMapper json = new ObjectMapper();

	/** A request that must be refused. */
	record BadRequest(String description, String user, HttpMethod method, String path, MediaType contentType, String body) {
	}

	/** A task the user may complete, its form, and answers that pass the form's rules. */
	record Target(String user, Task task, String formId, Map<String, Object> validAnswers) {
	}

	@BeforeEach
	void restAndWebappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	@Test
	void hundredsOfBadRequestsAreRefusedWithAClientErrorAndAMessageAndChangeNothing() throws Exception {
		registration.register(new Municipality(FREE_KOMMUNE, "Stadt Fuzzstadt", "TH"));
		List<Target> targets = List.of(
				target(EISENACH_CONTACT, "eisenach", CollaborationProcess.KEY, CollaborationProcess.Elements.CONCRETISE_GOALS),
				target(TRANSFER_MANAGER, "nienburg", CollaborationProcess.KEY, CollaborationProcess.Elements.EXPLORATORY_MEETING),
				target(WORMS_CONTACT, "worms", "implementation", "user_give_feedback"));
		List<BadRequest> requests = new ArrayList<>();
		for (Target target : targets) {
			assertThat(formRules.violations(target.formId(), target.validAnswers())).as(target.formId()).isEmpty();
			requests.addAll(badCompletions(target));
		}
		requests.addAll(badTaskIds());
		requests.addAll(badProcessStarts());
		requests.addAll(badCollaborationStarts());
		requests.addAll(badTerminations());
		requests.addAll(badMunicipalities());
		requests.addAll(badEngineRequests(targets.get(0)));
		assertThat(requests).hasSizeGreaterThan(300);
		System.out.println("BadInputTests: " + requests.size() + " bad requests");
		Map<String, Object> before = state();

		List<String> failures = new ArrayList<>();
		for (BadRequest request : requests) {
			ResponseEntity<String> response = send(request);
			String problem = response.getStatusCode().is4xxClientError() ? GermanRefusals.problem(response)
					: "not refused: " + response.getStatusCode().value() + " " + response.getBody();
			if (problem != null) {
				failures.add(request.description() + " → " + problem);
			}
		}

		assertThat(failures).as("requests not answered with 4xx and a German message").isEmpty();
		assertThat(state()).isEqualTo(before);
	}

	// ---------------------------------------------------------------- generated requests

	private List<BadRequest> badCompletions(Target target) throws Exception {
		List<BadRequest> requests = new ArrayList<>();
		String task = target.task().getId();
		List<String> actions = List.of("complete", "submit-form");
		int alternate = 0;
		for (FormRules.Field field : formRules.fields(target.formId())) {
			for (String value : badValues(field)) {
				// every bad value once, alternately through both ways of completing
				String action = actions.get(alternate++ % 2);
				requests.add(new BadRequest(target.formId() + " " + action + ": " + field.key() + " = " + abbreviate(value), target.user(),
						HttpMethod.POST, "/engine-rest/task/" + task + "/" + action, MediaType.APPLICATION_JSON,
						completion(target, field.key(), value)));
			}
		}
		for (String action : actions) {
			String path = "/engine-rest/task/" + task + "/" + action;
			String what = target.formId() + " " + action;
			for (String body : MALFORMED_BODIES) {
				requests.add(new BadRequest(what + ": body " + abbreviate(body), target.user(), HttpMethod.POST, path,
						MediaType.APPLICATION_JSON, body));
			}
			// on a required text field where there is one: an empty answer is bad there
			FormRules.Field text = formRules.fields(target.formId()).stream()
				.filter(field -> field.type().startsWith("text"))
				.min(java.util.Comparator.comparing(field -> !field.required()))
				.orElseThrow();
			String firstText = text.key();
			for (String typed : List.of("{\"value\": \"abc\", \"type\": \"Integer\"}", "{\"value\": \"31.12.2025\", \"type\": \"Date\"}",
					"{\"value\": \"x\", \"type\": \"Unbekannt\"}", "{\"value\": \"{\\\"a\\\":\", \"type\": \"Json\"}",
					"{\"value\": \"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>\", \"type\": \"Xml\"}",
					"{\"value\": \"rO0ABXQAA2FiYw==\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}",
					"{\"value\": \"aGFsbG8=\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"notiz.exe\"}}",
					"{\"value\": \"kein base64 !\", \"type\": \"Bytes\"}", "{\"value\": 99999999999999999999999, \"type\": \"Long\"}",
					text.required() ? "{\"value\": null, \"type\": \"Null\"}" : "{\"value\": 1.5}", "{\"value\": {\"a\": [1, 2]}}",
					"{\"value\": [\"" + SCRIPT + "\"]}",
					"{\"value\": \"{\\\"a\\\": 1}\", \"type\": \"Object\"}",
					"{\"value\": \"{\\\"a\\\": 1}\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.HashMap\", \"serializationDataFormat\": \"application/json\"}}",
					"{\"value\": \"x\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.Runtime\"}}")) {
				requests.add(new BadRequest(what + ": " + firstText + " typed " + abbreviate(typed), target.user(), HttpMethod.POST, path,
						MediaType.APPLICATION_JSON, completion(target, firstText, typed)));
			}
			// variables the form does not have: a hostile name, overlong text, another Kommune's group
			for (Map.Entry<String, String> extra : Map.of(SCRIPT, "{\"value\": \"x\"}", "notiz", quoted("y".repeat(4001)),
					CollaborationProcess.Vars.MUNICIPALITY_GROUP, quoted("kommune-fuzzstadt"),
					CollaborationProcess.Vars.MUNICIPALITY_LEADERSHIP_GROUP, quoted("kommune-fuzzstadt-leadership"),
					CollaborationProcess.Vars.MUNICIPALITY_ID, quoted(FREE_KOMMUNE)).entrySet()) {
				ObjectNode body = (ObjectNode) json.readTree(completion(target, null, null));
				((ObjectNode) body.get("variables")).set(extra.getKey(), json.readTree(extra.getValue()));
				requests.add(new BadRequest(what + ": extra " + abbreviate(extra.getKey()), target.user(), HttpMethod.POST, path,
						MediaType.APPLICATION_JSON, json.writeValueAsString(body)));
			}
			requests.add(new BadRequest(what + ": text/plain", target.user(), HttpMethod.POST, path, MediaType.TEXT_PLAIN,
					completion(target, null, null)));
			requests.add(new BadRequest(what + ": xml", target.user(), HttpMethod.POST, path, MediaType.APPLICATION_XML, "<variables/>"));
		}
		return requests;
	}

	/** Values a field of this type must refuse. */
	private List<String> badValues(FormRules.Field field) {
		List<String> values = new ArrayList<>();
		if (field.required()) {
			values.add("{\"value\": null}");
			if (!"checkbox".equals(field.type())) {
				values.add(quoted(""));
				values.add(quoted("   "));
			}
		}
		switch (field.type()) {
			case "datetime" -> {
				for (String date : List.of("31.12.2025", "2205-01-01", "1999-12-31", "2025-02-30", "heute", SCRIPT,
						"2027-01-01' OR '1'='1", "2027-02-15" + IMG, "2027-02-15T25:99")) {
					values.add(quoted(date));
				}
				values.add("{\"value\": 20250101}");
				values.add("{\"value\": true}");
				values.add("{\"value\": -1, \"type\": \"Long\"}");
			}
			case "checkbox" -> {
				values.add(quoted("ja"));
				values.add(quoted("true"));
				values.add("{\"value\": 1}");
				values.add(quoted(IMG));
			}
			case "select" -> {
				values.add(quoted(SCRIPT));
				values.add(quoted("unbekannt"));
				values.add("{\"value\": " + (field.values().isEmpty() ? "1" : "-" + field.values().size()) + "}");
				values.add("{\"value\": true}");
			}
			case "number" -> {
				values.add(quoted("abc"));
				values.add("{\"value\": -1}");
			}
			default -> {
				values.add("{\"value\": \"\\u0000\"}");
				values.add("{\"value\": \"Text mit \\u0007 Steuerzeichen\"}");
				values.add(quoted("x".repeat(FormRules.MAX_TEXT_LENGTH + 1)));
				values.add(quoted(("<b>" + SCRIPT).repeat(400)));
				values.add("{\"value\": 42}");
				values.add("{\"value\": false}");
				if (field.pattern() != null) {
					values.add(quoted(SCRIPT));
					values.add(quoted(IMG));
				}
			}
		}
		return values;
	}

	private List<BadRequest> badTaskIds() {
		List<BadRequest> requests = new ArrayList<>();
		// (an encoded "/" never reaches the application: Tomcat refuses it with its own 400 page)
		for (String id : List.of("unbekannt", "%3Cscript%3Ealert(1)%3C%20script%3E", "1%27%20OR%20%271%27%3D%271", "-1",
				"x".repeat(300))) {
			for (String action : List.of("complete", "submit-form", "claim")) {
				requests.add(new BadRequest("task id " + abbreviate(id) + " " + action, EISENACH_CONTACT, HttpMethod.POST,
						"/engine-rest/task/" + id + "/" + action, MediaType.APPLICATION_JSON, "{\"userId\": \"" + EISENACH_CONTACT + "\"}"));
			}
		}
		return requests;
	}

	private List<BadRequest> badProcessStarts() {
		List<BadRequest> requests = new ArrayList<>();
		String start = "/engine-rest/process-definition/key/" + CollaborationProcess.KEY + "/start";
		String submit = "/engine-rest/process-definition/key/" + CollaborationProcess.KEY + "/submit-form";
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("fundingEnd 31.12.2030", "{\"fundingEnd\": {\"value\": \"31.12.2030\"}}");
		variables.put("fundingEnd 2205", "{\"fundingEnd\": {\"value\": \"2205-01-01\"}}");
		variables.put("fundingEnd past", "{\"fundingEnd\": {\"value\": \"2020-01-01\"}}");
		variables.put("fundingEnd number", "{\"fundingEnd\": {\"value\": -5}}");
		variables.put("fundingEnd missing", "{}");
		variables.put("fundingEnd Date typed wrong", "{\"fundingEnd\": {\"value\": \"morgen\", \"type\": \"Date\"}}");
		variables.put("transferManager unknown", "{\"fundingEnd\": {\"value\": \"2030-12-31\"}, \"transferManager\": {\"value\": \"" + SCRIPT + "\"}}");
		variables.put("transferManager Kommune user",
				"{\"fundingEnd\": {\"value\": \"2030-12-31\"}, \"transferManager\": {\"value\": \"" + EISENACH_CONTACT + "\"}}");
		variables.put("municipalityId differs", "{\"fundingEnd\": {\"value\": \"2030-12-31\"}, \"municipalityId\": {\"value\": \"eisenach\"}}");
		for (Map.Entry<String, String> entry : variables.entrySet()) {
			for (String path : List.of(start, submit)) {
				requests.add(new BadRequest("start " + entry.getKey(), TRANSFER_MANAGER, HttpMethod.POST, path, MediaType.APPLICATION_JSON,
						"{\"businessKey\": \"" + FREE_KOMMUNE + "\", \"variables\": " + entry.getValue() + "}"));
			}
		}
		for (String businessKey : List.of("", SCRIPT, "atlantis", "eisenach", "x".repeat(300))) {
			requests.add(new BadRequest("start business key " + abbreviate(businessKey), TRANSFER_MANAGER, HttpMethod.POST, start,
					MediaType.APPLICATION_JSON, "{\"businessKey\": " + quotedText(businessKey)
							+ ", \"variables\": {\"fundingEnd\": {\"value\": \"2030-12-31\"}}}"));
		}
		for (String body : MALFORMED_BODIES) {
			requests.add(new BadRequest("start body " + abbreviate(body), TRANSFER_MANAGER, HttpMethod.POST, start,
					MediaType.APPLICATION_JSON, body.isEmpty() ? "{\"businessKey\": 5, \"variables\": 7}" : body));
		}
		for (String key : List.of("agreement", "baselineAnalysis", "reminder", "unbekannt", "%3Cscript%3E")) {
			requests.add(new BadRequest("start " + key, TRANSFER_MANAGER, HttpMethod.POST, "/engine-rest/process-definition/key/" + key + "/start",
					MediaType.APPLICATION_JSON, "{\"businessKey\": \"" + FREE_KOMMUNE + "\"}"));
		}
		return requests;
	}

	private List<BadRequest> badCollaborationStarts() {
		List<BadRequest> requests = new ArrayList<>();
		List<String> bodies = new ArrayList<>(List.of(
				"{\"municipalityId\": \"" + FREE_KOMMUNE + "\", \"fundingEnd\": \"31.12.2030\"}",
				"{\"municipalityId\": \"" + FREE_KOMMUNE + "\", \"fundingEnd\": \"2205-01-01\"}",
				"{\"municipalityId\": \"" + FREE_KOMMUNE + "\", \"fundingEnd\": \"2020-01-01\"}",
				"{\"municipalityId\": \"" + FREE_KOMMUNE + "\", \"fundingEnd\": -5}",
				"{\"municipalityId\": \"" + FREE_KOMMUNE + "\", \"fundingEnd\": true}",
				"{\"municipalityId\": \"" + FREE_KOMMUNE + "\"}",
				"{\"municipalityId\": \"" + FREE_KOMMUNE + "\", \"fundingEnd\": \"2030-12-31\", \"transferManager\": \"" + SCRIPT + "\"}",
				"{\"municipalityId\": \"" + FREE_KOMMUNE + "\", \"fundingEnd\": \"2030-12-31\", \"transferManager\": \"" + "x".repeat(65) + "\"}",
				"{\"municipalityId\": \"" + FREE_KOMMUNE + "\", \"fundingEnd\": \"2030-12-31\", \"transferManager\": 5}",
				"{\"municipalityId\": \"" + SCRIPT + "\", \"fundingEnd\": \"2030-12-31\"}",
				"{\"municipalityId\": \"" + "x".repeat(65) + "\", \"fundingEnd\": \"2030-12-31\"}",
				"{\"municipalityId\": \"\", \"fundingEnd\": \"2030-12-31\"}",
				"{\"municipalityId\": [\"" + FREE_KOMMUNE + "\"], \"fundingEnd\": \"2030-12-31\"}",
				"{\"municipalityId\": \"eisenach\", \"fundingEnd\": \"2030-12-31\"}"));
		bodies.addAll(MALFORMED_BODIES);
		for (String body : bodies) {
			requests.add(new BadRequest("api start " + abbreviate(body), TRANSFER_MANAGER, HttpMethod.POST, "/api/collaborations",
					MediaType.APPLICATION_JSON, body));
		}
		requests.add(new BadRequest("api start as Kommune", EISENACH_CONTACT, HttpMethod.POST, "/api/collaborations",
				MediaType.APPLICATION_JSON, "{\"municipalityId\": \"" + FREE_KOMMUNE + "\", \"fundingEnd\": \"2030-12-31\"}"));
		requests.add(new BadRequest("api start text/plain", TRANSFER_MANAGER, HttpMethod.POST, "/api/collaborations",
				MediaType.TEXT_PLAIN, "{\"municipalityId\": \"" + FREE_KOMMUNE + "\", \"fundingEnd\": \"2030-12-31\"}"));
		requests.add(new BadRequest("api start GET", TRANSFER_MANAGER, HttpMethod.PUT, "/api/collaborations",
				MediaType.APPLICATION_JSON, "{}"));
		return requests;
	}

	private List<BadRequest> badTerminations() {
		List<BadRequest> requests = new ArrayList<>();
		List<String> bodies = new ArrayList<>(List.of("{\"party\": \"BEIDE\", \"reason\": \"Test\"}", "{\"party\": null, \"reason\": \"Test\"}",
				"{\"reason\": \"Test\"}", "{\"party\": \"KOMMUNE\"}", "{\"party\": \"KOMMUNE\", \"reason\": \"   \"}",
				"{\"party\": \"KOMMUNE\", \"reason\": " + quotedText("z".repeat(4001)) + "}", "{\"party\": 1, \"reason\": \"Test\"}",
				"{\"party\": \"TRANSFERAGENTUR\", \"reason\": \"Im Namen der Agentur\"}", "{\"party\": [\"KOMMUNE\"], \"reason\": \"Test\"}"));
		bodies.addAll(MALFORMED_BODIES);
		for (String body : bodies) {
			requests.add(new BadRequest("termination " + abbreviate(body), EISENACH_CONTACT, HttpMethod.POST,
					"/api/collaborations/eisenach/termination", MediaType.APPLICATION_JSON, body));
		}
		for (String id : List.of("nienburg", "atlantis", "%3Cscript%3E", FREE_KOMMUNE)) {
			requests.add(new BadRequest("termination of " + id, EISENACH_CONTACT, HttpMethod.POST, "/api/collaborations/" + id + "/termination",
					MediaType.APPLICATION_JSON, "{\"party\": \"KOMMUNE\", \"reason\": \"Test\"}"));
		}
		requests.add(new BadRequest("termination of a Kommune without collaboration", TRANSFER_MANAGER, HttpMethod.POST,
				"/api/collaborations/" + FREE_KOMMUNE + "/termination", MediaType.APPLICATION_JSON,
				"{\"party\": \"TRANSFERAGENTUR\", \"reason\": \"Test\"}"));
		return requests;
	}

	private List<BadRequest> badMunicipalities() {
		List<BadRequest> requests = new ArrayList<>();
		String valid = "{\"name\": \"Stadt Neu\", \"federalState\": \"TH\"}";
		for (String id : List.of("Neustadt", "neu_stadt", "%3Cscript%3E", "x".repeat(65), "neu%20stadt", "neu.stadt")) {
			requests.add(new BadRequest("municipality id " + abbreviate(id), PROJECT_LEAD, HttpMethod.PUT, "/api/municipalities/" + id,
					MediaType.APPLICATION_JSON, valid));
		}
		List<String> bodies = new ArrayList<>(List.of("{\"name\": \"\", \"federalState\": \"TH\"}", "{\"federalState\": \"TH\"}",
				"{\"name\": " + quotedText("Stadt " + SCRIPT) + ", \"federalState\": \"TH\"}",
				"{\"name\": " + quotedText(IMG) + ", \"federalState\": \"TH\"}",
				"{\"name\": " + quotedText("S".repeat(256)) + ", \"federalState\": \"TH\"}", "{\"name\": \"Stadt Neu\", \"federalState\": \"XX\"}",
				"{\"name\": \"Stadt Neu\", \"federalState\": \"th\"}", "{\"name\": \"Stadt Neu\", \"federalState\": \"Thüringen\"}",
				"{\"name\": \"Stadt Neu\", \"federalState\": 5}", "{\"name\": \"Stadt Neu\"}", "{\"name\": 5, \"federalState\": \"TH\"}"));
		bodies.addAll(MALFORMED_BODIES);
		for (String body : bodies) {
			requests.add(new BadRequest("municipality " + abbreviate(body), PROJECT_LEAD, HttpMethod.PUT, "/api/municipalities/neustadt",
					MediaType.APPLICATION_JSON, body));
		}
		requests.add(new BadRequest("municipality by a Kommune", EISENACH_CONTACT, HttpMethod.PUT, "/api/municipalities/neustadt",
				MediaType.APPLICATION_JSON, valid));
		requests.add(new BadRequest("municipality by the team", TRANSFER_MANAGER, HttpMethod.PUT, "/api/municipalities/eisenach",
				MediaType.APPLICATION_JSON, "{\"name\": \"Umbenannt\", \"federalState\": \"BY\"}"));
		return requests;
	}

	/** Requests that reached the engine or Spring with a 500 before: queries, filters, deletions, unknown paths. */
	private List<BadRequest> badEngineRequests(Target target) {
		List<BadRequest> requests = new ArrayList<>();
		String objectValue = "{\"processVariables\": [{\"name\": \"municipalityId\", \"operator\": \"eq\", \"value\": {\"a\": 1}}]}";
		requests.add(new BadRequest("task query with an object value", EISENACH_CONTACT, HttpMethod.POST, "/engine-rest/task",
				MediaType.APPLICATION_JSON, objectValue));
		requests.add(new BadRequest("task count with an object value", EISENACH_CONTACT, HttpMethod.POST, "/engine-rest/task/count",
				MediaType.APPLICATION_JSON, objectValue));
		requests.add(new BadRequest("task query with an unknown operator", EISENACH_CONTACT, HttpMethod.GET,
				"/engine-rest/task?processVariables=municipalityId_gleich_eisenach", MediaType.APPLICATION_JSON, null));
		requests.add(new BadRequest("task query sorted by nothing known", EISENACH_CONTACT, HttpMethod.POST, "/engine-rest/task",
				MediaType.APPLICATION_JSON, "{\"sorting\": [{\"sortBy\": \"bogus\", \"sortOrder\": \"asc\"}]}"));
		for (Filter filter : engine.getFilterService().createFilterQuery().list()) {
			for (String extension : List.of(objectValue, "{\"sorting\": [{\"sortBy\": \"bogus\", \"sortOrder\": \"asc\"}]}")) {
				requests.add(new BadRequest("filter " + filter.getName() + " extended by " + abbreviate(extension), TRANSFER_MANAGER,
						HttpMethod.POST, "/engine-rest/filter/" + filter.getId() + "/list", MediaType.APPLICATION_JSON, extension));
			}
		}
		requests.add(new BadRequest("delete a task of a running process (admin)", ADMIN, HttpMethod.DELETE,
				"/engine-rest/task/" + target.task().getId(), MediaType.APPLICATION_JSON, null));
		requests.add(new BadRequest("GET /error", TRANSFER_MANAGER, HttpMethod.GET, "/error", MediaType.APPLICATION_JSON, null));
		requests.add(new BadRequest("unknown engine path", TRANSFER_MANAGER, HttpMethod.GET, "/engine-rest/gibt-es-nicht",
				MediaType.APPLICATION_JSON, null));
		requests.add(new BadRequest("unknown API path", TRANSFER_MANAGER, HttpMethod.GET, "/api/gibt-es-nicht", MediaType.APPLICATION_JSON,
				null));
		requests.add(new BadRequest("wrong method on the engine", TRANSFER_MANAGER, HttpMethod.PUT, "/engine-rest/task",
				MediaType.APPLICATION_JSON, "{}"));
		requests.add(new BadRequest("wrong method on the API", TRANSFER_MANAGER, HttpMethod.DELETE, "/api/collaborations",
				MediaType.APPLICATION_JSON, null));
		requests.add(new BadRequest("history with an unknown sort", TRANSFER_MANAGER, HttpMethod.GET,
				"/engine-rest/history/task?sortBy=bogus&sortOrder=asc", MediaType.APPLICATION_JSON, null));
		requests.add(new BadRequest("a date that is none", TRANSFER_MANAGER, HttpMethod.GET, "/engine-rest/task?dueBefore=morgen",
				MediaType.APPLICATION_JSON, null));
		return requests;
	}

	// ---------------------------------------------------------------- helpers

	private ResponseEntity<String> send(BadRequest request) {
		RequestEntity<String> entity = RequestEntity.method(request.method(), URI.create("http://localhost:" + port + request.path()))
			.contentType(request.contentType())
			.accept(MediaType.APPLICATION_JSON)
			.body(request.body());
		return rest.withBasicAuth(request.user(), ADMIN.equals(request.user()) ? ADMIN_PASSWORD : PASSWORD).exchange(entity, String.class);
	}

	/** The valid answers of the target with one field replaced by a raw variable JSON (or none). */
	private String completion(Target target, String key, String rawVariable) throws Exception {
		ObjectNode variables = json.createObjectNode();
		for (Map.Entry<String, Object> answer : target.validAnswers().entrySet()) {
			variables.set(answer.getKey(), json.valueToTree(Map.of("value", answer.getValue())));
		}
		if (key != null) {
			variables.set(key, json.readTree(rawVariable));
		}
		ObjectNode body = json.createObjectNode();
		body.set("variables", variables);
		return json.writeValueAsString(body);
	}

	private Target target(String user, String municipalityId, String processKey, String taskKey) {
		ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
			.processInstanceBusinessKey(municipalityId).singleResult();
		List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
		if (open.isEmpty()) {
			engine.getRuntimeService().createProcessInstanceModification(instance.getId()).startBeforeActivity(taskKey).execute();
			open = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
		}
		Task task = open.get(0);
		UserTask userTask = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(taskKey);
		String formId = userTask.getCamundaFormRef();
		return new Target(user, task, formId, TypicalAnswers.forForm(formRules, formId));
	}

	/** What a refused request must leave as it was. */
	private Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("instances", new TreeSet<>(engine.getRuntimeService().createProcessInstanceQuery().list().stream()
			.map(instance -> instance.getId() + " " + instance.getBusinessKey() + " " + instance.isSuspended()).toList()));
		state.put("historic instances", engine.getHistoryService().createHistoricProcessInstanceQuery().count());
		state.put("tasks", new TreeSet<>(engine.getTaskService().createTaskQuery().list().stream()
			.map(task -> task.getId() + " " + task.getName() + " " + task.getAssignee() + " " + task.getDueDate()).toList()));
		Map<String, String> variables = new TreeMap<>();
		for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery().disableCustomObjectDeserialization()
			.list()) {
			variables.put(variable.getId() + " " + variable.getName(), String.valueOf(variable.getTypedValue()));
		}
		state.put("variables", variables);
		state.put("municipalities", jdbc.sql("select id || ' ' || name || ' ' || federal_state from koop_municipality order by id")
			.query(String.class).list());
		state.put("running", jdbc.sql("select municipality_id from koop_running_collaboration order by municipality_id")
			.query(String.class).list());
		state.put("groups", engine.getIdentityService().createGroupQuery().count());
		state.put("authorizations", engine.getAuthorizationService().createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT).count());
		return state;
	}

	private String quoted(String text) {
		return "{\"value\": " + quotedText(text) + "}";
	}

	private String quotedText(String text) {
		try {
			return json.writeValueAsString(text);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String abbreviate(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 59) + "…";
	}

}
