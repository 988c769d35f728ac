package de.kooperation.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import de.kooperation.DemoAppTest;
import de.kooperation.WebappSessions;

/** Corners of the access rules: the engine list, the webapps' plugin APIs and the maturity chart of an unknown Kommune. */
@DemoAppTest
class AccessEdgeTests {

	private static final String COCKPIT_STATISTICS = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@BeforeEach
	void restAndWebappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	@Test
	void theEngineListNeedsALoginLikeTheRestOfTheRestApi() {
		ResponseEntity<String> anonymous = rest.getForEntity("/engine-rest/engine", String.class);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(String.valueOf(anonymous.getBody())).doesNotContain("default");
		// with a slash it names an engine "" (Camunda's reading), which does not exist
		ResponseEntity<String> slash = rest.getForEntity("/engine-rest/engine/", String.class);
		assertThat(slash.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(String.valueOf(slash.getBody())).doesNotContain("default");
		ResponseEntity<String> loggedIn = rest.withBasicAuth("lena.vogt", "demo").getForEntity("/engine-rest/engine", String.class);
		assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(loggedIn.getBody()).contains("\"default\"");
	}

	@Test
	void cockpitsPluginApiAnswersOnlyUsersWithCockpit() {
		HttpHeaders kommune = WebappSessions.sessionOf(WebappSessions.login(rest, "tasklist", "sabine.krause", "demo"));
		assertThat(rest.exchange(COCKPIT_STATISTICS, HttpMethod.GET, new HttpEntity<>(kommune), String.class).getStatusCode())
			.as("a Kommune user (Tasklist only)").isEqualTo(HttpStatus.FORBIDDEN);
		HttpHeaders transferManager = WebappSessions.sessionOf(WebappSessions.login(rest, "tasklist", "lena.vogt", "demo"));
		assertThat(rest.exchange(COCKPIT_STATISTICS, HttpMethod.GET, new HttpEntity<>(transferManager), String.class).getStatusCode())
			.as("a transfer manager (Tasklist only)").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.getForEntity(COCKPIT_STATISTICS, String.class).getStatusCode()).as("nobody logged in")
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		HttpHeaders projectLead = WebappSessions.sessionOf(WebappSessions.login(rest, "cockpit", "claudia.hartmann", "demo"));
		ResponseEntity<String> cockpit = rest.exchange(COCKPIT_STATISTICS, HttpMethod.GET, new HttpEntity<>(projectLead), String.class);
		assertThat(cockpit.getStatusCode()).as("the Projektleitung (Cockpit)").isEqualTo(HttpStatus.OK);
		assertThat(cockpit.getBody()).contains("collaboration");
	}

	@Test
	void theMaturityChartOfAnUnknownKommuneIsNotFoundLikeItsPage() {
		HttpHeaders agency = WebappSessions.sessionOf(WebappSessions.login(rest, "tasklist", "lena.vogt", "demo"));
		assertThat(rest.exchange("/kooperationen/gibt-es-nicht/reifegrad.svg", HttpMethod.GET, new HttpEntity<>(agency), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(rest.exchange("/kooperationen/gibt-es-nicht", HttpMethod.GET, new HttpEntity<>(agency), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<String> known = rest.exchange("/kooperationen/worms/reifegrad.svg", HttpMethod.GET, new HttpEntity<>(agency),
				String.class);
		assertThat(known.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(known.getBody()).contains("<svg");
	}

}
