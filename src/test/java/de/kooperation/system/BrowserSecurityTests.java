package de.kooperation.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import de.kooperation.DemoAppTest;
import de.kooperation.WebappSessions;
import de.kooperation.shared.PartyGroups;

/**
 * What a browser is told about the app's own pages, and what another site's page cannot do with
 * a logged-in user's browser: the same security headers as the webapps on every own page, PDF,
 * SVG and CSV, and no change from a page of a foreign origin, on the pages, our API, /engine-rest
 * and the webapps' API. Real HTTP against the running test app (java.net.http, which sends
 * {@code Origin} as given).
 */
@DemoAppTest
class BrowserSecurityTests {

	private static final String EVIL = "https://kooperation.example.net";

	private static final String AGENCY_USER = "lena.vogt";

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@LocalServerPort
	int port;

	HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void restAndWebappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	@Test
	void theAppsOwnPagesPdfsSvgAndCsvSendTheWebappsSecurityHeaders() throws Exception {
		HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", null);
		String webappPolicy = withoutNonce(tasklist.headers().firstValue("Content-Security-Policy").orElseThrow());
		assertThat(webappPolicy).contains("frame-ancestors 'none'", "object-src 'none'", "sandbox");
		assertThat(tasklist.headers().firstValue("X-Frame-Options")).as("webapps too").hasValue("DENY");
		assertThat(tasklist.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

		String session = sessionCookie(AGENCY_USER);
		for (String path : List.of("/kooperationen", "/kooperationen/worms", "/kooperationen/worms/reifegrad.svg",
				"/kooperationen/worms/zielvereinbarung.pdf", "/kooperationen/worms/ergebnisbericht.pdf", "/kooperationen/bericht.csv",
				"/postausgang", "/loeschprotokoll", "/kooperationen/gibt-es-nicht")) {
			HttpResponse<String> page = get(path, session);
			assertThat(page.statusCode()).as(path).isIn(200, 403, 404);
			String policy = withoutNonce(page.headers().firstValue("Content-Security-Policy").orElse(""));
			if (path.endsWith(".pdf")) {
				assertThat(page.headers().firstValue("Content-Type")).as(path).hasValue("application/pdf");
				// the same policy without the sandbox, in which a browser's PDF viewer does not run
				assertThat(policy).as(path).isEqualTo(webappPolicy.replaceAll(";?sandbox[^;]*", ""));
			}
			else {
				assertThat(policy).as(path).isEqualTo(webappPolicy);
			}
			assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
			assertThat(page.headers().firstValue("X-XSS-Protection")).as(path).isEqualTo(tasklist.headers().firstValue("X-XSS-Protection"));
			assertThat(page.headers().firstValue("Strict-Transport-Security")).as("HSTS only in prod").isEmpty();
		}
		assertThat(get("/kooperationen", null).headers().firstValue("Content-Security-Policy")).as("also on the login refusal")
			.isPresent();
	}

	@Test
	void aChangeFromAForeignOriginIsRefusedOnTheWebappsApiWithAGermanMessageAndNothingChanges() throws Exception {
		String session = sessionCookie(AGENCY_USER);
		Task task = agencyTask();
		HttpResponse<String> fetch = send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/task/" + task.getId()))
			.header("Cookie", session).header("X-XSRF-TOKEN", "Fetch").GET());
		String token = fetch.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
		String path = "/camunda/api/engine/engine/default/task/" + task.getId() + "/claim";

		for (String origin : List.of(EVIL, "null", "http://localhost:" + (port + 1), "https://localhost:" + port)) {
			HttpResponse<String> refused = send(HttpRequest.newBuilder(url(path)).header("Cookie", session).header("X-XSRF-TOKEN", token)
				.header("Origin", origin).header("Content-Type", "application/json").POST(BodyPublishers.ofString(claimBody())));
			assertThat(refused.statusCode()).as(origin).isEqualTo(403);
			assertThat(refused.body()).as(origin).contains("\"message\":\"Diese Anfrage kommt von einer fremden Seite");
		}
		assertThat(assignee(task)).isNull();

		// the control: the same request from the app's own origin goes through
		HttpResponse<String> own = send(HttpRequest.newBuilder(url(path)).header("Cookie", session).header("X-XSRF-TOKEN", token)
			.header("Origin", "http://localhost:" + port).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(claimBody())));
		assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
		assertThat(assignee(task)).isEqualTo(AGENCY_USER);
		engine.getTaskService().setAssignee(task.getId(), null);
	}

	@Test
	void aChangeFromAForeignOriginIsRefusedOnEngineRestOurApiAndOurPages() throws Exception {
		Task task = agencyTask();
		HttpResponse<String> engineRest = send(basic(HttpRequest.newBuilder(url("/engine-rest/task/" + task.getId() + "/claim")))
			.header("Origin", EVIL).header("Content-Type", "application/json").POST(BodyPublishers.ofString(claimBody())));
		assertThat(engineRest.statusCode()).isEqualTo(403);
		assertThat(engineRest.body()).contains("\"message\":\"Diese Anfrage kommt von einer fremden Seite");
		assertThat(assignee(task)).isNull();

		long collaborations = engine.getRuntimeService().createProcessInstanceQuery().count();
		HttpResponse<String> api = send(basic(HttpRequest.newBuilder(url("/api/collaborations"))).header("Origin", EVIL)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"municipalityId\":\"worms\",\"fundingEnd\":\"2030-12-31\"}")));
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.body()).contains("fremden Seite");
		HttpResponse<String> delete = send(basic(HttpRequest.newBuilder(url("/engine-rest/task/" + task.getId()))).header("Origin", EVIL)
			.DELETE());
		assertThat(delete.statusCode()).isEqualTo(403);
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(collaborations);
		assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();

		String session = sessionCookie(AGENCY_USER);
		HttpResponse<String> page = send(HttpRequest.newBuilder(url("/kooperationen/worms/meilensteine/m1/abschliessen"))
			.header("Cookie", session).header("Origin", EVIL).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("_csrf=x")));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("Diese Anfrage kommt von einer fremden Seite");

		// without Origin (a REST client, not a browser) and reading from anywhere stay as they were
		assertThat(send(basic(HttpRequest.newBuilder(url("/engine-rest/task/" + task.getId() + "/claim")))
			.header("Content-Type", "application/json").POST(BodyPublishers.ofString(claimBody()))).statusCode())
			.isEqualTo(204);
		assertThat(assignee(task)).isEqualTo(AGENCY_USER);
		engine.getTaskService().setAssignee(task.getId(), null);
		assertThat(send(basic(HttpRequest.newBuilder(url("/engine-rest/task/" + task.getId()))).header("Origin", EVIL).GET())
			.statusCode()).isEqualTo(200);
	}

	/** An unclaimed task the agency user sees (and may claim), as Tasklist lists it for her. */
	private Task agencyTask() throws Exception {
		String listed = send(basic(HttpRequest.newBuilder(url("/engine-rest/task?candidateGroup=" + PartyGroups.AGENCY_TEAM
				+ "&unassigned=true&maxResults=1"))).GET()).body();
		String id = listed.replaceAll("(?s)^.*?\"id\":\"([^\"]+)\".*$", "$1");
		return engine.getTaskService().createTaskQuery().taskId(id).singleResult();
	}

	private String assignee(Task task) {
		return engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

	private static String claimBody() {
		return "{\"userId\":\"" + AGENCY_USER + "\"}";
	}

	private static String withoutNonce(String policy) {
		return policy.replaceAll("'nonce-[^']*'", "'nonce'");
	}

	private String sessionCookie(String user) {
		HttpHeaders session = WebappSessions.sessionOf(WebappSessions.login(rest, "tasklist", user, "demo"));
		return String.join("; ", session.get(HttpHeaders.COOKIE));
	}

	private HttpResponse<String> get(String path, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
		if (session != null) {
			request.header("Cookie", session);
		}
		return send(request);
	}

	private HttpRequest.Builder basic(HttpRequest.Builder request) {
		return request.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((AGENCY_USER + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
